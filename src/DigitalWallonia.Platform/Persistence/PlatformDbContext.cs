using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Persistence;

/// <summary>The one EF Core model of the platform, identical on SQLite and PostgreSQL.</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
{
    public DbSet<Party> Parties => Set<Party>();

    public DbSet<EstablishmentUnit> EstablishmentUnits => Set<EstablishmentUnit>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierParty> DossierParties => Set<DossierParty>();

    public DbSet<DossierReferenceCounter> DossierReferenceCounters => Set<DossierReferenceCounter>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Deadline> Deadlines => Set<Deadline>();

    public DbSet<DeadlineReminder> DeadlineReminders => Set<DeadlineReminder>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseChangesToDocuments();
        IncrementVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseChangesToDocuments();
        IncrementVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);

    // A stored document is evidence (a letter as it was sent): a correction is a new document that supersedes it.
    private void RefuseChangesToDocuments()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is Document or DocumentContent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Documents are immutable: store a new document that supersedes this one.");
            }
        }
    }

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
