using System.Text.Json;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Definitions;
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
    TimeProvider clock)
{
    private const int SystemAttempts = 5;

    /// <summary>
    /// Opens a dossier on the latest published version of <paramref name="workflowId"/>, links its parties, and starts the
    /// workflow (initial state's entry actions, automatic transitions).
    /// </summary>
    public async Task<(Dossier Dossier, FiringReport Report)> OpenAsync(string workflowId, IReadOnlyList<(Party Party, string Role)> parties,
        JsonElement facts, Actor actor, DateOnly? submittedOn, decimal? requestedAmount, CancellationToken cancellationToken)
    {
        var definition = await definitions.LatestAsync(db, workflowId, cancellationToken)
            ?? throw new InvalidOperationException($"No version of workflow '{workflowId}' is published.");
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reference = await DossierReferences.NextAsync(db, definition.Programme, DeadlinePlanner.LegalDate(now).Year, cancellationToken);
        var initial = definition.InitialState ?? throw new InvalidOperationException($"Workflow '{workflowId}' has no initial state.");
        var dossier = Dossier.Open(reference, definition.Programme, initial.Id, now);
        dossier.PinWorkflow(definition.Id, definition.Version);
        dossier.ReplaceFacts(facts.ValueKind == JsonValueKind.Object ? facts.GetRawText() : "{}");
        foreach (var (party, role) in parties)
        {
            dossier.AddParty(party, role);
        }

        if (submittedOn is { } day)
        {
            dossier.Submit(day, requestedAmount);
        }

        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync(cancellationToken); // the dossier's id is needed by everything the start writes

        var instance = await WithRegisterFactsAsync(dossier, await LoadInstanceAsync(dossier, cancellationToken), cancellationToken);
        var result = runtime.Start(definition, instance, actor, Moment(now));
        if (!result.IsAccepted)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new InvalidOperationException($"Workflow '{workflowId}' v{definition.Version} cannot start: {result.Rejection.Message}");
        }

        await writer.WriteAsync(dossier, definition, result.Outcome, actor, now, historyCount: 0, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (dossier, new FiringReport(dossier.Reference, dossier.State, null));
    }

    /// <summary>Fires <paramref name="trigger"/> on the dossier <paramref name="reference"/> as <paramref name="actor"/>.</summary>
    /// <exception cref="KeyNotFoundException">No dossier has this reference.</exception>
    /// <exception cref="DossierConflictException">A person's action lost a race with another change of the same dossier.</exception>
    public async Task<FiringReport> FireAsync(string reference, WorkflowTrigger trigger, Actor actor, CancellationToken cancellationToken)
    {
        var isPerson = trigger is ActorActionFired;
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await FireOnceAsync(reference, trigger, actor, cancellationToken);
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

    private async Task<FiringReport> FireOnceAsync(string reference, WorkflowTrigger trigger, Actor actor, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.Include(d => d.Parties).SingleOrDefaultAsync(d => d.Reference == reference, cancellationToken)
            ?? throw new KeyNotFoundException($"No dossier has the reference '{reference}'.");
        var decided = await DecideAsync(dossier, trigger, actor, firing: null, cancellationToken);
        if (decided.Result.IsAccepted)
        {
            // Reads above stay outside the transaction; only the writes hold it.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await PersistAsync(decided, trigger, actor, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return decided.Report;
    }

    /// <summary>
    /// Fires a system trigger inside the caller's transaction (the deadline sweeper's, which has already marked
    /// <paramref name="firing"/> as fired): no transaction of its own, no retry — a conflict throws, the caller rolls back
    /// and fires again later. A trigger the dossier no longer answers (it moved on) is a rejection, not an error.
    /// </summary>
    public async Task<FiringReport> FireInCurrentTransactionAsync(long dossierId, WorkflowTrigger trigger, OpenDeadline? firing, CancellationToken cancellationToken)
    {
        var dossier = await db.Dossiers.Include(d => d.Parties).SingleAsync(d => d.Id == dossierId, cancellationToken);
        var decided = await DecideAsync(dossier, trigger, Actor.System, firing, cancellationToken);
        if (decided.Result.IsAccepted)
        {
            await PersistAsync(decided, trigger, Actor.System, cancellationToken);
        }

        return decided.Report;
    }

    /// <summary>What the pure runtime answers for a loaded dossier; <paramref name="firing"/> counts as open even if already marked fired.</summary>
    private async Task<Decided> DecideAsync(Dossier dossier, WorkflowTrigger trigger, Actor actor, OpenDeadline? firing, CancellationToken cancellationToken)
    {
        var definition = await definitions.GetAsync(db, dossier.WorkflowId, dossier.WorkflowVersion, cancellationToken);
        var now = clock.GetUtcNow();
        var instance = await LoadInstanceAsync(dossier, cancellationToken);
        instance = await WithRegisterFactsAsync(dossier, instance, cancellationToken);
        if (firing is not null && !instance.OpenDeadlines.Any(d => d.Kind == firing.Kind))
        {
            instance = instance with { OpenDeadlines = [.. instance.OpenDeadlines, firing] };
        }

        return new Decided(dossier, definition, instance.History.Count, runtime.Fire(definition, instance, trigger, actor, Moment(now)), now);
    }

    private async Task PersistAsync(Decided decided, WorkflowTrigger trigger, Actor actor, CancellationToken cancellationToken)
    {
        KeepInput(decided.Dossier, trigger);
        await writer.WriteAsync(decided.Dossier, decided.Definition, decided.Result.Outcome!, actor, decided.Now, decided.HistoryCount, cancellationToken); // accepted: has an outcome
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record Decided(Dossier Dossier, WorkflowDefinition Definition, int HistoryCount, FiringResult Result, DateTimeOffset Now)
    {
        /// <summary>The dossier's state now (moved by <see cref="PersistAsync"/> when accepted) and the rejection, if any.</summary>
        public FiringReport Report => new(Dossier.Reference, Dossier.State, Result.Rejection);
    }

    /// <summary>The runtime's view of a dossier: pinned version, state, history, open deadlines, parties, dates and facts.</summary>
    internal async Task<WorkflowInstance> LoadInstanceAsync(Dossier dossier, CancellationToken cancellationToken)
    {
        var history = await db.DossierHistory.AsNoTracking()
            .Where(h => h.DossierId == dossier.Id).OrderBy(h => h.Sequence)
            .Select(h => new HistoryEntry(h.TransitionId, h.Trigger, h.Action, h.SubjectId, h.PartyId, h.At, h.FromState, h.ToState))
            .ToListAsync(cancellationToken);
        var open = await db.Deadlines.AsNoTracking()
            .Where(d => d.DossierId == dossier.Id && d.Status == DeadlineStatus.Pending)
            .Select(d => new OpenDeadline(d.Kind, d.State, d.LivesWithDossier ? DeadlineScope.Dossier : DeadlineScope.State))
            .ToListAsync(cancellationToken);
        using var facts = JsonDocument.Parse(dossier.FactsJson);
        return new WorkflowInstance
        {
            DefinitionId = dossier.WorkflowId,
            DefinitionVersion = dossier.WorkflowVersion,
            State = dossier.State,
            History = history,
            OpenDeadlines = open,
            Parties = dossier.Parties
                .GroupBy(p => p.Role)
                .ToDictionary(g => g.Key, g => g.First().PartyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Dates = new LegalDates(dossier.SubmittedOn, dossier.DecidedOn),
            Facts = facts.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal),
        };
    }

    // The provider's label or the expert's accreditation as the registers know it, for the rules only: never written
    // into the dossier's facts, but kept in the evaluation snapshots with the rest of the input.
    private async Task<WorkflowInstance> WithRegisterFactsAsync(Dossier dossier, WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var registered = await registrations.FactsForAsync(dossier, cancellationToken);
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

    // What a person gave with an action (the service asked for, an invoice amount) becomes part of the dossier's facts.
    private static void KeepInput(Dossier dossier, WorkflowTrigger trigger)
    {
        var input = trigger switch
        {
            ActorActionFired fired => fired.Input,
            ExternalEventReceived received => received.Payload,
            _ => null,
        };
        if (input is null || input.Count == 0)
        {
            return;
        }

        var facts = System.Text.Json.Nodes.JsonNode.Parse(dossier.FactsJson)?.AsObject() ?? [];
        foreach (var (name, value) in input)
        {
            facts[name] = System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText());
        }

        dossier.ReplaceFacts(facts.ToJsonString());
    }

    private static FiringMoment Moment(DateTimeOffset now) => new(now, DeadlinePlanner.LegalDate(now));

    // A stale dossier version, or a second writer of the same history step (unique index), both mean "someone else won".
    private static bool IsConflict(DbUpdateException e) =>
        e is DbUpdateConcurrencyException
        || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.SerializationFailure }
        || e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT
}
