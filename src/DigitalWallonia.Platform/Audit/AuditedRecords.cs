using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Json;

namespace DigitalWallonia.Platform.Audit;

/// <summary>
/// The audit events that carry a record's content, so that a decision or an instalment changed in its own table no
/// longer matches its trail. The same payload is written with the record and recomputed from the row by the verifier.
/// </summary>
public static class AuditedRecords
{
    public const string DecisionRecorded = "decision";
    public const string InstalmentScheduled = "instalment-scheduled";
    public const string InstalmentPaid = "instalment-paid";

    /// <summary>The kinds whose payload's <c>to</c> is the state the dossier is in afterwards.</summary>
    public static readonly IReadOnlySet<string> StateChanges = new HashSet<string>(StringComparer.Ordinal) { "started", "transition", "workflow-migrated" };

    public static JsonObject Decision(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new JsonObject
        {
            ["kind"] = decision.Kind,
            ["amount"] = Money(decision.Amount),
            ["decidedOn"] = decision.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["decidedBy"] = decision.DecidedBy,
            ["countersignedBy"] = decision.CountersignedBy,
            ["ruleSet"] = decision.RuleSet,
            ["ruleSetVersion"] = decision.RuleSetVersion,
            ["reverses"] = decision.Reverses,
        };
    }

    /// <summary>An instalment as scheduled, and (same fields) as paid.</summary>
    public static JsonObject Instalment(Instalment instalment)
    {
        ArgumentNullException.ThrowIfNull(instalment);
        return new JsonObject { ["name"] = instalment.Name, ["amount"] = Money(instalment.Amount) };
    }

    internal static string Canonical(JsonObject payload) => CanonicalJson.Serialize(payload);

    /// <summary>The state a state-changing event leaves the dossier in (a migration's <c>to</c> is <c>workflow@vN:state</c>).</summary>
    internal static string? StateAfter(string kind, string payload)
    {
        var to = JsonNode.Parse(payload)?["to"]?.GetValue<string>();
        return kind == "workflow-migrated" && to is not null ? to[(to.LastIndexOf(':') + 1)..] : to;
    }

    private static string? Money(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture);
}
