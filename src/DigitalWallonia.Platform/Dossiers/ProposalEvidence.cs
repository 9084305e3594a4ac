using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Dossiers;

/// <summary>
/// Four-eyes on evidence: a second approval (a transition with <c>requireDifferentActor</c>) stands on what the dossier
/// held when the first person proposed. When a declared fact was corrected, a document added or the rules evaluated again
/// after the proposal, the proposal is void: the approver cannot approve it and sees why; sending it back stays open.
/// </summary>
public static class ProposalEvidence
{
    /// <summary>The proposal a second approval of <paramref name="transition"/> would rest on: the last time its first action was done.</summary>
    public static HistoryEntry? ProposalFor(TransitionDefinition transition, IEnumerable<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var first = transition.Actions.OfType<RequireDifferentActorAction>().FirstOrDefault();
        return first is null ? null : history.LastOrDefault(h => h.Action == first.Action);
    }

    /// <summary>What changed in the dossier's evidence after <paramref name="proposedAt"/>, in words (English, like the engine's messages).</summary>
    public static async Task<IReadOnlyList<string>> ChangesSinceAsync(PlatformDbContext db, long dossierId, DateTimeOffset proposedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var changes = new List<(DateTimeOffset At, string What)>();
        var corrections = await db.AuditEvents.AsNoTracking()
            .Where(e => e.DossierId == dossierId && e.Kind == "fact-verified" && e.OccurredAt > proposedAt)
            .Select(e => new { e.OccurredAt, e.ActorSubject, e.Payload }).ToListAsync(cancellationToken);
        foreach (var correction in corrections)
        {
            if (JsonNode.Parse(correction.Payload) is JsonObject payload && payload["corrected"]?.GetValue<bool>() == true)
            {
                changes.Add((correction.OccurredAt, $"fact '{payload["fact"]}' corrected by {correction.ActorSubject} from {payload["before"]?.ToJsonString()} to {payload["after"]?.ToJsonString()} at {Stamp(correction.OccurredAt)}"));
            }
        }

        changes.AddRange((await db.Documents.AsNoTracking().Where(d => d.DossierId == dossierId && d.CreatedAt > proposedAt)
            .Select(d => new { d.CreatedAt, d.FileName, d.CreatedBy }).ToListAsync(cancellationToken))
            .Select(d => (d.CreatedAt, $"document '{d.FileName}' added by {d.CreatedBy} at {Stamp(d.CreatedAt)}")));
        changes.AddRange((await db.EvaluationSnapshots.AsNoTracking().Where(e => e.DossierId == dossierId && e.EvaluatedAt > proposedAt)
            .Select(e => new { e.EvaluatedAt, e.RuleSet, e.RuleSetVersion }).ToListAsync(cancellationToken))
            .Select(e => (e.EvaluatedAt, $"rule set '{e.RuleSet}' v{e.RuleSetVersion} evaluated again at {Stamp(e.EvaluatedAt)}")));
        return [.. changes.OrderBy(c => c.At).Select(c => c.What)];
    }

    internal static Rejection Voided(string action, HistoryEntry proposal, IReadOnlyList<string> changes) =>
        new(RejectionReason.ProposalVoided,
            $"'{action}' is refused: the proposal '{proposal.Action}' made by {proposal.SubjectId} at {Stamp(proposal.At)} is void because the evidence changed after it: "
            + string.Join("; ", changes) + ". Send it back so that it is proposed again.")
        {
            Details = changes,
        };

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
