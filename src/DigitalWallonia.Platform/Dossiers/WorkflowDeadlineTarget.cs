using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using DigitalWallonia.Workflows.Runtime.Effects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>
/// What a due deadline does in production: fires the workflow's timer on the dossier; a due reminder queues the notice the
/// workflow's <c>createDeadline</c> names, to the roles it names. Both write inside the sweeper's transaction.
/// </summary>
public sealed class WorkflowDeadlineTarget(
    PlatformDbContext db,
    DossierWorkflow workflow,
    WorkflowDefinitions definitions,
    NotificationQueue notifications,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<WorkflowDeadlineTarget> logger) : IDeadlineTarget
{
    public async Task FireAsync(Deadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var firing = new OpenDeadline(deadline.Kind, deadline.State, deadline.LivesWithDossier ? DeadlineScope.Dossier : DeadlineScope.State);
        var report = await workflow.FireInCurrentTransactionAsync(deadline.DossierId, new TimerFired(deadline.Kind), firing, cancellationToken);
        if (!report.Accepted)
        {
            // The dossier moved on without cancelling it (a dossier-scoped deadline nobody waits for any more): nothing to do.
            logger.LogInformation("Deadline {Kind} of {Reference} fell due but changes nothing: {Reason}", deadline.Kind, report.Reference, report.Rejection!.Message);
        }
    }

    public async Task RemindAsync(Deadline deadline, DeadlineReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(reminder);
        var dossier = await db.Dossiers.Include(d => d.Parties).SingleAsync(d => d.Id == deadline.DossierId, cancellationToken);
        var planned = reminder is { TemplateKey: { } storedTemplate, Recipients: { } storedRoles }
            ? (storedTemplate, storedRoles)
            : await PlannedBeforeRecipientsWereStoredAsync(dossier, deadline, reminder, cancellationToken);
        if (planned is not { } found)
        {
            return;
        }

        var (template, roles) = found;

        // As the runtime resolves a notify action's roles: a role's party link (measure-carrier → carrier), every party of it.
        var recipients = NotificationRecipient.For(roles, definitions.Roles, dossier.PartyLinks());
        var now = clock.GetUtcNow();
        var open = await db.Deadlines.AsNoTracking()
            .Where(d => d.DossierId == dossier.Id && d.Status == DeadlineStatus.Pending).ToListAsync(cancellationToken);
        await notifications.QueueAsync(dossier, open, template, recipients, now, cancellationToken);
        audit.Append(db, dossier, "reminder-sent", Actor.System.SubjectId, null, new JsonObject
        {
            ["deadline"] = deadline.Kind,
            ["dueAt"] = deadline.DueAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["template"] = template,
            ["recipients"] = new JsonArray([.. roles.Select(role => JsonValue.Create(role))]),
        });
        db.Entry(dossier).Property(d => d.AuditHeadSequence).IsModified = true;
        await db.SaveChangesAsync(cancellationToken);
    }

    // A row planned before reminders kept their roles: the first reminder of this deadline with this template in the
    // dossier's pinned version. It cannot tell apart two reminders sharing a template; new rows never come here.
    private async Task<(string Template, IReadOnlyList<string> Recipients)?> PlannedBeforeRecipientsWereStoredAsync(
        Dossier dossier, Deadline deadline, DeadlineReminder reminder, CancellationToken cancellationToken)
    {
        var definition = await definitions.GetAsync(db, dossier.WorkflowId, dossier.WorkflowVersion, cancellationToken);
        if (ReminderOf(definition, deadline.Kind, reminder.TemplateKey) is { } planned)
        {
            return (planned.Template, planned.Recipients);
        }

        logger.LogWarning("Reminder {Template} of deadline {Kind} on {Reference} is not in {Workflow} v{Version}; not sent.",
            reminder.TemplateKey, deadline.Kind, dossier.Reference, definition.Id, definition.Version);
        return null;
    }

    private static ReminderDefinition? ReminderOf(WorkflowDefinition definition, string kind, string? template) =>
        definition.States.SelectMany(s => s.OnEntry.Concat(s.OnExit))
            .Concat(definition.Transitions.SelectMany(t => t.Actions))
            .OfType<CreateDeadlineAction>()
            .Where(a => a.Kind == kind)
            .SelectMany(a => a.Reminders)
            .FirstOrDefault(r => template is null || r.Template == template);
}
