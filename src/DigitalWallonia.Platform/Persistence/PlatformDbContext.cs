using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Certificates;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace DigitalWallonia.Platform.Persistence;

/// <summary>
/// The one EF Core model of the platform. Each provider has its own derived context (<see cref="SqlitePlatformDbContext"/>,
/// <see cref="PostgresPlatformDbContext"/>, <see cref="SqlServerPlatformDbContext"/>) only so that it has its own migration set,
/// as EF Core documents for several providers (docs/development.md, "Migrations"); the code always asks for this type.
/// </summary>
public abstract class PlatformDbContext : DbContext, IDataProtectionKeyContext
{
    protected PlatformDbContext(DbContextOptions options)
        : base(options)
    {
        // A SaveChanges that fails inside one of the platform's transactions always ends that transaction (rolled back,
        // retried whole), so EF's savepoint around it would only add two statements to every write.
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>A context of the provider's own type, for code that runs without a host (tests, tools, benchmarks).</summary>
    public static PlatformDbContext Create(DatabaseOptions database, string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => new SqlitePlatformDbContext(Options<SqlitePlatformDbContext>(database, connectionString)),
            DatabaseProvider.Postgres => new PostgresPlatformDbContext(Options<PostgresPlatformDbContext>(database, connectionString)),
            DatabaseProvider.SqlServer => new SqlServerPlatformDbContext(Options<SqlServerPlatformDbContext>(database, connectionString)),
            _ => throw new InvalidOperationException($"Database:Provider '{database.Provider}' is not supported; use Sqlite, Postgres or SqlServer."),
        };
    }

    public DbSet<Party> Parties => Set<Party>();

    public DbSet<EstablishmentUnit> EstablishmentUnits => Set<EstablishmentUnit>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierParty> DossierParties => Set<DossierParty>();

    public DbSet<DossierReferenceCounter> DossierReferenceCounters => Set<DossierReferenceCounter>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditCheckpoint> AuditCheckpoints => Set<AuditCheckpoint>();

    public DbSet<Demo.SeedMarker> SeedMarkers => Set<Demo.SeedMarker>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Deadline> Deadlines => Set<Deadline>();

    public DbSet<DeadlineReminder> DeadlineReminders => Set<DeadlineReminder>();

    public DbSet<PublishedWorkflow> PublishedWorkflows => Set<PublishedWorkflow>();

    public DbSet<RuleSets.PublishedRuleSet> PublishedRuleSets => Set<RuleSets.PublishedRuleSet>();

    public DbSet<RuleSets.RuleSetDraft> RuleSetDrafts => Set<RuleSets.RuleSetDraft>();

    public DbSet<DossierHistoryEntry> DossierHistory => Set<DossierHistoryEntry>();

    public DbSet<EvaluationSnapshot> EvaluationSnapshots => Set<EvaluationSnapshot>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<Instalment> Instalments => Set<Instalment>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<AidGrant> AidGrants => Set<AidGrant>();

    public DbSet<AidGrantStatusChange> AidGrantStatusChanges => Set<AidGrantStatusChange>();

    public DbSet<SingleUndertakingLink> SingleUndertakingLinks => Set<SingleUndertakingLink>();

    public DbSet<StaffRoleGrant> StaffRoleGrants => Set<StaffRoleGrant>();

    public DbSet<Mandate> Mandates => Set<Mandate>();

    /// <summary>The local identity provider's keys when configuration gives none (shared by every node).</summary>
    public DbSet<ProviderKey> ProviderKeys => Set<ProviderKey>();

    public DbSet<Casework.DossierAssignment> DossierAssignments => Set<Casework.DossierAssignment>();

    public DbSet<Casework.SavedQueueFilter> SavedQueueFilters => Set<Casework.SavedQueueFilter>();

    public DbSet<AccessChange> AccessChanges => Set<AccessChange>();

    public DbSet<KnownPerson> KnownPeople => Set<KnownPerson>();

    public DbSet<SignInLockout> SignInLockouts => Set<SignInLockout>();

    /// <summary>The web host's Data Protection keys, shared by every node so that each reads every cookie.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseChangesToEvidence();
        IncrementVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseChangesToEvidence();
        IncrementVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private static DbContextOptions<T> Options<T>(DatabaseOptions database, string? connectionString)
        where T : PlatformDbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        PersistenceServiceCollectionExtensions.Configure(options, database, connectionString);
        return options.Options;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);

        // The local identity provider's applications, authorizations, scopes and tokens (OpenIddict's EF stores) live in
        // the one model, so the web host's sign-in needs no second database, context or migration set.
        modelBuilder.UseOpenIddict();
        // A subject is at most 200 characters here as in StaffRoleGrants; OpenIddict's 400 would push its
        // (application, status, subject, type) indexes past the 1,700 bytes SQL Server indexes.
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().Property(a => a.Subject).HasMaxLength(200);
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().Property(t => t.Subject).HasMaxLength(200);
    }

    // Records that are evidence are append-only: a decision, an evaluation snapshot, a published definition, a history
    // entry, a document as it was sent, an aid status change, a change of access. A correction is a new record (a reversal, a new version, a superseding document).
    private void RefuseChangesToEvidence()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted
                && entry.Entity is Decision or AuditCheckpoint or EvaluationSnapshot or PublishedWorkflow or RuleSets.PublishedRuleSet or DossierHistoryEntry or Document or DocumentContent or AidGrantStatusChange or AccessChange
                    or Reporting.PlanChange
                && !IsErasure(entry))
            {
                throw new InvalidOperationException(
                    $"{entry.Entity.GetType().Name} is immutable evidence, append-only: record a new one (a reversal, a new version, a superseding document) instead of changing or deleting it.");
            }
        }
    }

    // Erasing a history entry's personal input (GDPR) is the one change evidence allows: the rest of the entry stays.
    private static bool IsErasure(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Entity is DossierHistoryEntry { PersonalInputJson: null }
        && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(DossierHistoryEntry.PersonalInputJson));

    // The original value stays the concurrency check; the new value is what gets written.
    private void IncrementVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.IncrementVersion();
            }
        }
    }
}
