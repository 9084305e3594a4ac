using System.Text.Json;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// What carriers and the agency do to a reporting task, through the task's workflow: the carrier submits (values
/// checked against the indicators' kinds first), the agency returns with reasons or validates with its assessment. The
/// firing and the values' rows commit together; a rejected firing stores nothing.
/// </summary>
public sealed class ReportingTasks(PlatformDbContext db, DossierWorkflow workflow, TimeProvider clock)
{
    /// <summary>The tracked indicators a task asks for: its measure's, of its cycle's periodicity, in the plan's order.</summary>
    public async Task<IReadOnlyList<Indicator>> AskedAsync(ReportingTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var periodicity = await db.Set<ReportingCycle>().Where(c => c.Id == task.CycleId).Select(c => c.Periodicity).SingleAsync(cancellationToken);
        return await db.Set<Indicator>().AsNoTracking()
            .Where(i => i.MeasureId == task.MeasureId && i.Tracked && i.Periodicity == periodicity)
            .OrderBy(i => i.Position).ToListAsync(cancellationToken);
    }

    /// <summary>The carrier's submission (first, late or corrected).</summary>
    public async Task<ReportingOutcome> SubmitAsync(string reference, IReadOnlyList<SubmittedValue> values, Actor carrier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var task = await TaskAsync(reference, cancellationToken);
        var cycle = await db.Set<ReportingCycle>().AsNoTracking().SingleAsync(c => c.Id == task.CycleId, cancellationToken);
        var asked = await AskedAsync(task, cancellationToken);
        var errors = ValueCheck.Check(asked, values, cycle.ReportingPeriod);
        if (errors.Count > 0)
        {
            return ReportingOutcome.Invalid(errors);
        }

        var input = new Dictionary<string, JsonElement> { ["values"] = ValueCheck.ToInput(asked, values) };
        return await FireAsync(task, new ActorActionFired("submit") { Input = input }, carrier, row =>
        {
            var now = clock.GetUtcNow();
            var submission = row.NextSubmission(now);
            var byKey = asked.ToDictionary(i => i.Key, StringComparer.Ordinal);
            foreach (var value in values)
            {
                var indicator = byKey[value.Indicator];
                db.Add(new IndicatorValue(row.Id, indicator.Id, submission, ValueCheck.PeriodOf(value, indicator, cycle.ReportingPeriod), value, carrier.SubjectId, now));
            }

            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>The agency returns the submission for correction: a reason for the whole, and reasons shown next to the values concerned.</summary>
    public async Task<ReportingOutcome> ReturnAsync(string reference, string reason, IReadOnlyDictionary<string, string> reasonsByIndicator, Actor agency,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reasonsByIndicator);
        var task = await TaskAsync(reference, cancellationToken);
        var given = reasonsByIndicator.Where(r => !string.IsNullOrWhiteSpace(r.Value)).ToList();
        var input = new Dictionary<string, JsonElement>
        {
            ["reason"] = JsonSerializer.SerializeToElement(reason),
        };
        if (given.Count > 0)
        {
            input["values"] = JsonSerializer.SerializeToElement(given.Select(r => new { indicator = r.Key, reason = r.Value.Trim() }));
        }

        return await FireAsync(task, new ActorActionFired("return") { Input = input }, agency, async row =>
        {
            var now = clock.GetUtcNow();
            var keys = await db.Set<Indicator>().Where(i => i.MeasureId == row.MeasureId).ToDictionaryAsync(i => i.Id, i => i.Key, cancellationToken);
            foreach (var value in await CurrentAsync(row, cancellationToken))
            {
                value.Return(reasonsByIndicator.TryGetValue(keys[value.IndicatorId], out var why) && !string.IsNullOrWhiteSpace(why) ? why.Trim() : null, agency.SubjectId, now);
            }
        }, cancellationToken);
    }

    /// <summary>The agency validates the submission and declares its assessment of the measure (<see cref="Assessments"/>).</summary>
    public async Task<ReportingOutcome> ValidateAsync(string reference, string assessment, string? note, Actor agency, CancellationToken cancellationToken)
    {
        var task = await TaskAsync(reference, cancellationToken);
        var input = new Dictionary<string, JsonElement> { ["assessment"] = JsonSerializer.SerializeToElement(assessment) };
        if (!string.IsNullOrWhiteSpace(note))
        {
            input["assessmentNote"] = JsonSerializer.SerializeToElement(note.Trim());
        }

        return await FireAsync(task, new ActorActionFired("validate") { Input = input }, agency, async row =>
        {
            var now = clock.GetUtcNow();
            row.Validate(assessment, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), now);
            foreach (var value in await CurrentAsync(row, cancellationToken))
            {
                value.Validate(agency.SubjectId, now);
            }
        }, cancellationToken);
    }

    private async Task<ReportingTask> TaskAsync(string reference, CancellationToken cancellationToken) =>
        await db.Set<ReportingTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Reference == reference, cancellationToken)
        ?? throw new KeyNotFoundException($"No reporting task has the reference '{reference}'.");

    // The rows of the task's latest submission (tracked: the caller changes them).
    private async Task<List<IndicatorValue>> CurrentAsync(ReportingTask task, CancellationToken cancellationToken) =>
        await db.Set<IndicatorValue>().Where(v => v.TaskId == task.Id && v.Submission == task.Submissions).ToListAsync(cancellationToken);

    // The firing and the task's own rows in one transaction: the workflow writes its outcome (the firing uses the caller's
    // transaction), then the rows are written and both commit, or neither.
    private async Task<ReportingOutcome> FireAsync(ReportingTask task, ActorActionFired action, Actor actor, Func<ReportingTask, Task> write,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        FiringReport report;
        try
        {
            report = await workflow.FireAsync(task.Reference, action, actor, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InFailedSqlTransaction)
        {
            // The firing lost a race and PostgreSQL aborted the transaction before the firing could read the dossier's new
            // state: the same answer DossierWorkflow gives a person who loses outside a transaction.
            await transaction.RollbackAsync(CancellationToken.None);
            throw new DossierConflictException(task.Reference,
                $"{task.Reference} was changed by someone else while this action was being saved. Nothing was saved: reload the report and try again.");
        }

        if (!report.Accepted)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return ReportingOutcome.Rejected(report.Rejection!);
        }

        db.ChangeTracker.Clear();
        var row = await db.Set<ReportingTask>().SingleAsync(t => t.Id == task.Id, cancellationToken);
        await write(row);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReportingOutcome.Done(report.State);
    }
}

/// <summary>What an action on a reporting task did: the task's new state, or why nothing was saved.</summary>
public sealed record ReportingOutcome(bool Accepted, string? State, string? Code, string? Message, IReadOnlyList<InputFieldError> FieldErrors)
{
    public static ReportingOutcome Done(string state) => new(true, state, null, null, []);

    public static ReportingOutcome Invalid(IReadOnlyList<InputFieldError> errors) =>
        new(false, null, "invalid-input", "The values do not match the indicators' kinds.", errors);

    public static ReportingOutcome Rejected(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new(false, null, rejection.Code, rejection.Message, rejection.FieldErrors);
    }
}
