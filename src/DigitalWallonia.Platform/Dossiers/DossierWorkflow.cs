using System.Text.Json;
using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Roles;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>
/// Runs dossiers through their workflows: loads the instance, asks the pure runtime for an outcome and writes all of it
/// (state, history, evaluation snapshots, audit events, outbox rows, deadlines, decisions) in one transaction guarded by
/// the dossier's version. Of two concurrent firings exactly one commits; a person who loses gets
/// <see cref="DossierConflictException"/>, the system (timers, events) reloads and tries again.
/// </summary>
public sealed class DossierWorkflow(
    PlatformDbContext db,
    WorkflowDefinitions definitions,
    WorkflowRuntime runtime,
    OutcomeWriter writer,
    Registrations registrations,
    AuditTrail audit,
    Evaluations.PlatformFacts platformFacts,
    TimeProvider clock)
{
    private const int SystemAttempts = 5;

    /// <summary>The payment system's event: accepted by a workflow, it also marks the dossier's instalments paid.</summary>
    public const string PaymentConfirmed = "payment-confirmed";

    /// <summary>
    /// Opens a dossier on the latest published version of <paramref name="workflowId"/>, links its parties, and starts the
    /// workflow (initial state's entry actions, automatic transitions). <paramref name="facts"/> are what the opener
    /// declares (provenance <c>declared</c>, or <c>decided</c> when staff open it); a fact the system owns (a register's,
    /// the ledger's, the company register's, a granted amount or rate, an instalment) is refused: it only ever comes from
    /// its source, so nobody can open a dossier already granted or with its own past aid.
    /// The start is decided first, outside any transaction of its own: only then is the dossier numbered, saved and its
    /// start written, in one short transaction. Taking the reference locks the programme's counter row until that commit
    /// (<see cref="DossierReferences"/>), so a rule set evaluated while it is held would make every other opening of the
    /// programme wait for it; on SQLite the transaction itself takes the database's write lock. A party not stored yet is
    /// saved before the start is decided (its id is what the workflow knows it by).
    /// </summary>
    /// <exception cref="ArgumentException">A fact the system owns is among <paramref name="facts"/>; nothing is stored.</exception>
    /// <exception cref="InvalidOperationException">No version is published, or the workflow refuses to start; nothing of the dossier is saved.</exception>
    public async Task<(Dossier Dossier, FiringReport Report)> OpenAsync(string workflowId, IReadOnlyList<(Party Party, string Role)> parties,
        JsonElement facts, Actor actor, DateOnly? submittedOn, decimal? requestedAmount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(parties);
        var declared = facts.ValueKind == JsonValueKind.Object ? facts.EnumerateObject().Select(f => f.Name).ToList() : [];
        if (declared.Where(SystemFacts.Owns).ToList() is { Count: > 0 } owned)
        {
            throw new ArgumentException(
                $"A {workflowId} dossier cannot be opened with {string.Join(", ", owned.Select(f => $"'{f}'"))}: a fact the system owns "
                + "(register, ledger, company register or decision) comes only from its source. Nothing was stored.", nameof(facts));
        }

        var definition = await definitions.LatestAsync(db, workflowId, cancellationToken)
            ?? throw new InvalidOperationException($"No version of workflow '{workflowId}' is published.");
        var now = clock.GetUtcNow();
        var initial = definition.InitialState ?? throw new InvalidOperationException($"Workflow '{workflowId}' has no initial state.");
        if (parties.Any(p => p.Party.Id == 0))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var dossier = Dossier.Unnumbered(definition.Programme, initial.Id, now);
        dossier.PinWorkflow(definition.Id, definition.Version);
        dossier.ReplaceFacts(facts.ValueKind == JsonValueKind.Object ? facts.GetRawText() : "{}");
        var staff = actor.Roles.Any(r => definitions.Roles.TryGet(r, out var role) && role.Scope == RoleScope.Global);
        foreach (var name in declared)
        {
            dossier.RecordFactSource(name, new FactProvenance(staff ? FactSources.Decided : FactSources.Declared, actor.SubjectId, now));
        }

        foreach (var (party, role) in parties)
        {
            dossier.AddParty(party, role);
        }

        if (submittedOn is { } day)
        {
            dossier.Submit(day, requestedAmount);
        }

        var loaded = LoadedDossier.New(dossier);
        var instance = await WithRegisterFactsAsync(dossier, Instance(loaded), cancellationToken);
        var result = runtime.Start(definition, instance, actor, Moment(now));
        if (!result.IsAccepted)
        {
            throw new InvalidOperationException($"Workflow '{workflowId}' v{definition.Version} cannot start: {result.Rejection.Message}");
        }

        await using var transaction = await OwnTransactionAsync(cancellationToken);
        dossier.Number(await DossierReferences.NextAsync(db, definition.Programme, DeadlinePlanner.LegalDate(now).Year, cancellationToken));
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync(cancellationToken); // the dossier's id is needed by everything the start writes
        await writer.WriteAsync(loaded, definition, result.Outcome, actor, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return (dossier, new FiringReport(dossier.Reference, dossier.State, null) { Version = dossier.Version });
    }

    /// <summary>Fires <paramref name="trigger"/> on the dossier <paramref name="reference"/> as <paramref name="actor"/>.</summary>
    /// <exception cref="KeyNotFoundException">No dossier has this reference.</exception>
    /// <exception cref="DossierConflictException">A person's action lost a race with another change of the same dossier.</exception>
    public Task<FiringReport> FireAsync(string reference, WorkflowTrigger trigger, Actor actor, CancellationToken cancellationToken) =>
        FireAsync(reference, trigger, actor, expectedVersion: null, cancellationToken);

    /// <summary>
    /// As <see cref="FireAsync(string, WorkflowTrigger, Actor, CancellationToken)"/>, for a person who decided on the dossier
    /// as it was at <paramref name="expectedVersion"/> (<see cref="Dossier.Version"/>, read earlier): if it has changed since,
    /// nothing is fired and <see cref="DossierConflictException"/> says so. The version is compared with the row the firing
    /// loads, and that row's version guards the save, so no change in between goes unnoticed.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No dossier has this reference.</exception>
    /// <exception cref="DossierConflictException">The dossier is no longer at <paramref name="expectedVersion"/>, or the action lost a race.</exception>
    public async Task<FiringReport> FireAsync(string reference, WorkflowTrigger trigger, Actor actor, long? expectedVersion, CancellationToken cancellationToken)
    {
        // One connection for the reads, the writes and the commit: closed between them it would go back to the pool and be
        // reset, which costs the server a command each time (and SQLite its pragmas at every open).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await FireWithRetriesAsync(reference, trigger, actor, expectedVersion, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<FiringReport> FireWithRetriesAsync(string reference, WorkflowTrigger trigger, Actor actor, long? expectedVersion, CancellationToken cancellationToken)
    {
        var isPerson = trigger is ActorActionFired;
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await FireOnceAsync(reference, trigger, actor, expectedVersion, cancellationToken);
            }
            catch (DbUpdateException e) when (IsConflict(e))
            {
                db.ChangeTracker.Clear();
                var current = await db.Dossiers.AsNoTracking().Where(d => d.Reference == reference).Select(d => d.State).SingleAsync(cancellationToken);
                if (isPerson || attempt >= SystemAttempts)
                {
                    throw new DossierConflictException(reference,
                        $"{reference} was changed by someone else while this action was being saved (it is now in state '{current}'). "
                        + "Nothing was saved: reload the dossier and try again.");
                }
            }
        }
    }

    private async Task<FiringReport> FireOnceAsync(string reference, WorkflowTrigger trigger, Actor actor, long? expectedVersion, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(db.Dossiers.Where(d => d.Reference == reference), cancellationToken)
            ?? throw new KeyNotFoundException($"No dossier has the reference '{reference}'.");
        if (expectedVersion is { } expected && loaded.Dossier.Version != expected)
        {
            throw new DossierConflictException(reference,
                $"{reference} has changed since version {expected} was read (it is now at version {loaded.Dossier.Version}, in state "
                + $"'{loaded.Dossier.State}'). Nothing was done: reload the dossier and decide again.");
        }

        var decided = await DecideAsync(loaded, trigger, actor, firing: null, cancellationToken);
        if (decided.Result.IsAccepted && trigger is ActorActionFired fired && await VoidedProposalAsync(decided, fired, cancellationToken) is { } voided)
        {
            return new FiringReport(reference, loaded.Dossier.State, voided);
        }

        if (decided.Result.IsAccepted)
        {
            // Reads above stay outside the transaction; only the writes hold it.
            await using var transaction = await OwnTransactionAsync(cancellationToken);
            await PersistAsync(decided, trigger, actor, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return decided.Report;
    }

    /// <summary>
    /// The actions <paramref name="actor"/> may take on the dossier <paramref name="reference"/> now, each with its typed
    /// input, for forms, task lists and the API: roles (with the party they are held for) and segregation of duties are
    /// checked, guards are not (firing checks them).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No dossier has this reference.</exception>
    public async Task<IReadOnlyList<AvailableAction>> AvailableActionsAsync(string reference, Actor actor, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(db.Dossiers.AsNoTracking().Where(d => d.Reference == reference), cancellationToken)
            ?? throw new KeyNotFoundException($"No dossier has the reference '{reference}'.");
        var definition = await definitions.GetAsync(db, loaded.Dossier.WorkflowId, loaded.Dossier.WorkflowVersion, cancellationToken);
        return runtime.AvailableActions(definition, Instance(loaded), actor);
    }

    /// <summary>
    /// Fires a system trigger inside the caller's transaction (the deadline sweeper's, which has already marked
    /// <paramref name="firing"/> as fired): no transaction of its own, no retry — a conflict throws, the caller rolls back
    /// and fires again later. A trigger the dossier no longer answers (it moved on) is a rejection, not an error.
    /// </summary>
    public async Task<FiringReport> FireInCurrentTransactionAsync(long dossierId, WorkflowTrigger trigger, OpenDeadline? firing, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(db.Dossiers.Where(d => d.Id == dossierId), cancellationToken)
            ?? throw new InvalidOperationException($"No dossier has the id {dossierId}.");
        var decided = await DecideAsync(loaded, trigger, Actor.System, firing, cancellationToken);
        if (decided.Result.IsAccepted)
        {
            await PersistAsync(decided, trigger, Actor.System, cancellationToken);
        }

        return decided.Report;
    }

    /// <summary>What the pure runtime answers for a loaded dossier; <paramref name="firing"/> counts as open even if already marked fired.</summary>
    private async Task<Decided> DecideAsync(LoadedDossier loaded, WorkflowTrigger trigger, Actor actor, OpenDeadline? firing, CancellationToken cancellationToken)
    {
        var dossier = loaded.Dossier;
        var definition = await definitions.GetAsync(db, dossier.WorkflowId, dossier.WorkflowVersion, cancellationToken);
        var now = clock.GetUtcNow();
        var instance = await WithRegisterFactsAsync(dossier, Instance(loaded), cancellationToken);
        if (firing is not null && !instance.OpenDeadlines.Any(d => d.Kind == firing.Kind))
        {
            instance = instance with { OpenDeadlines = [.. instance.OpenDeadlines, firing] };
        }

        return new Decided(loaded, definition, runtime.Fire(definition, instance, trigger, actor, Moment(now)), now);
    }

    // A second approval taken on a proposal whose evidence changed since (ProposalEvidence) is refused, nothing written.
    private async Task<Rejection?> VoidedProposalAsync(Decided decided, ActorActionFired fired, CancellationToken cancellationToken)
    {
        var taken = decided.Result.Outcome!.Steps.FirstOrDefault();
        var transition = taken is null ? null : decided.Definition.Transitions.FirstOrDefault(t => t.Id == taken.TransitionId);
        if (transition is null || ProposalEvidence.ProposalFor(transition, decided.Loaded.History) is not { } proposal)
        {
            return null;
        }

        var changes = await ProposalEvidence.ChangesSinceAsync(db, decided.Loaded.Dossier.Id, proposal.At, cancellationToken);
        return changes.Count == 0 ? null : ProposalEvidence.Voided(fired.Name, proposal, changes);
    }

    private async Task PersistAsync(Decided decided, WorkflowTrigger trigger, Actor actor, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(decided.Loaded, decided.Definition, decided.Result.Outcome!, actor, decided.Now, cancellationToken); // accepted: has an outcome
        if (trigger is ExternalEventReceived { EventName: PaymentConfirmed } confirmed)
        {
            await writer.ConfirmPaymentAsync(decided.Loaded.Dossier, confirmed.Payload, decided.Now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record Decided(LoadedDossier Loaded, WorkflowDefinition Definition, FiringResult Result, DateTimeOffset Now)
    {
        /// <summary>The dossier's state now (moved by <see cref="PersistAsync"/> when accepted) and the rejection, if any.</summary>
        public FiringReport Report => new(Loaded.Dossier.Reference, Loaded.Dossier.State, Result.Rejection) { Version = Loaded.Dossier.Version };
    }

    /// <summary>
    /// Reads the dossier <paramref name="which"/> selects with what a firing needs, in two queries: the rows it may change
    /// (the dossier with its party links and parties' contacts and units, its pending deadlines and their reminders),
    /// tracked, then its history. Every query is a round trip that costs as much CPU as the work it does, so nothing the
    /// firing writes is read again later (see <see cref="OutcomeWriter"/>). The history stays a query of its own: joined
    /// to the others it would multiply the dossier row (and its facts) by history length × deadlines × parties.
    /// </summary>
    private async Task<LoadedDossier?> LoadAsync(IQueryable<Dossier> which, CancellationToken cancellationToken)
    {
        var row = await which
            .Include(d => d.Parties).ThenInclude(p => p.Party).ThenInclude(p => p.Contacts)
            .Include(d => d.Parties).ThenInclude(p => p.Party).ThenInclude(p => p.EstablishmentUnits)
            .Select(d => new
            {
                Dossier = d,
                Deadlines = db.Deadlines.Include(x => x.Reminders).Where(x => x.DossierId == d.Id && x.Status == DeadlineStatus.Pending).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var history = await db.DossierHistory.AsNoTracking()
            .Where(h => h.DossierId == row.Dossier.Id).OrderBy(h => h.Sequence)
            .Select(h => new HistoryEntry(h.TransitionId, h.Trigger, h.Action, h.SubjectId, h.PartyId, h.At, h.FromState, h.ToState))
            .ToListAsync(cancellationToken);
        return new LoadedDossier(row.Dossier, row.Deadlines, history);
    }

    /// <summary>The runtime's view of a dossier: pinned version, state, history, open deadlines, parties, dates and facts.</summary>
    private static WorkflowInstance Instance(LoadedDossier loaded)
    {
        var dossier = loaded.Dossier;
        using var facts = JsonDocument.Parse(dossier.FactsJson);
        return new WorkflowInstance
        {
            DefinitionId = dossier.WorkflowId,
            DefinitionVersion = dossier.WorkflowVersion,
            State = dossier.State,
            History = loaded.History,
            OpenDeadlines = loaded.OpenDeadlines
                .Select(d => new OpenDeadline(d.Kind, d.State, d.LivesWithDossier ? DeadlineScope.Dossier : DeadlineScope.State))
                .ToList(),
            Parties = dossier.PartyLinks(),
            Dates = new LegalDates(dossier.SubmittedOn, dossier.DecidedOn),
            Facts = facts.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal),
            FactSources = dossier.FactSources(),
        };
    }

    // The provider's label or the expert's accreditation as the registers know it, and the applicant as the company
    // register and the aid ledger know it (PlatformFacts), for the rules only: never written into the dossier's facts,
    // but kept in the evaluation snapshots with the rest of the input.
    private async Task<WorkflowInstance> WithRegisterFactsAsync(Dossier dossier, WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var registered = (await registrations.FactsForAsync(dossier, cancellationToken))
            .Concat(await platformFacts.ForAsync(dossier, cancellationToken)).ToList();
        if (registered.Count == 0)
        {
            return instance;
        }

        var facts = new Dictionary<string, JsonElement>(instance.Facts, StringComparer.Ordinal);
        foreach (var (name, fact) in registered)
        {
            facts[name] = JsonSerializer.SerializeToElement(fact);
        }

        return instance with { Facts = facts };
    }

    /// <summary>
    /// A case handler confirms a fact a party declared, or corrects it with <paramref name="value"/>: the fact's provenance
    /// becomes <c>verified</c> by <paramref name="actor"/> now, and a <c>fact-verified</c> audit event keeps the path, the
    /// value before and after and the reason. Only staff (a global role) verify, only declared or verified facts, never a
    /// fact the system owns (it comes from its register, the ledger or a decision).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No dossier has this reference, or it has no fact at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidOperationException">The actor is not staff, the reason is empty, or the fact is not one a party declared.</exception>
    /// <exception cref="DossierConflictException">The dossier changed while the verification was being saved.</exception>
    public async Task VerifyFactAsync(string reference, string path, JsonElement? value, string reason, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException($"Verifying fact '{path}' of {reference} needs a reason.");
        }

        Casework.Staff.Require(actor, definitions.Roles, "verify facts");

        if (SystemFacts.Owns(path))
        {
            throw new InvalidOperationException($"Fact '{path}' is the system's (register, ledger or decision): it is not verified but taken from its source.");
        }

        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Reference == reference, cancellationToken)
            ?? throw new KeyNotFoundException($"No dossier has the reference '{reference}'.");
        var facts = JsonNode.Parse(dossier.FactsJson)?.AsObject() ?? [];
        var previous = FactPaths.Get(facts, path) ?? throw new KeyNotFoundException($"{reference} has no fact '{path}'.");
        var source = dossier.FactSources().Where(s => path == s.Key || path.StartsWith(s.Key + ".", StringComparison.Ordinal))
            .OrderByDescending(s => s.Key.Length).Select(s => s.Value.Source).FirstOrDefault();
        if (source is not (FactSources.Declared or FactSources.Verified))
        {
            throw new InvalidOperationException($"Fact '{path}' of {reference} was not declared by a party (its source is {source ?? "unknown"}): only declared facts are verified.");
        }

        var now = clock.GetUtcNow();
        var before = previous.ToJsonString();
        if (value is { } corrected)
        {
            FactPaths.Set(facts, path, JsonNode.Parse(corrected.GetRawText()));
            dossier.ReplaceFacts(facts.ToJsonString());
        }

        dossier.RecordFactSource(path, new FactProvenance(FactSources.Verified, actor.SubjectId, now));
        audit.Append(db, dossier, "fact-verified", actor.SubjectId,
            long.TryParse(actor.PartyId, NumberStyles.None, CultureInfo.InvariantCulture, out var party) ? party : null,
            new JsonObject
            {
                ["fact"] = path,
                ["before"] = JsonNode.Parse(before),
                ["after"] = value is { } after ? JsonNode.Parse(after.GetRawText()) : JsonNode.Parse(before),
                ["corrected"] = value is not null,
                ["reason"] = reason,
            },
            new JsonObject { ["actor"] = actor.DisplayName });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (IsConflict(e))
        {
            throw new DossierConflictException(reference,
                $"{reference} was changed by someone else while fact '{path}' was being verified. Nothing was saved: reload the dossier and try again.");
        }
    }

    // A caller that already holds a transaction (the demo seed, all or nothing) commits it; otherwise the firing has its own.
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> OwnTransactionAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

    private static FiringMoment Moment(DateTimeOffset now) => new(now, DeadlinePlanner.LegalDate(now));

    // A stale dossier version, or a second writer of the same step of the dossier's history or audit trail (their unique
    // indexes on dossier and sequence), all mean "someone else won". Any other constraint error (a foreign key, another
    // unique index, a trigger) is a fault and surfaces as it is.
    private static bool IsConflict(DbUpdateException e) => DatabaseErrors.IsConflict(e);
}
