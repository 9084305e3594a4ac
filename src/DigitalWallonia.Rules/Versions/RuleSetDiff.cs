using System.Globalization;

namespace DigitalWallonia.Rules;

/// <summary>
/// What changed between two versions of a rule set, said the way a lawyer reads it: which rule's condition or message,
/// which parameter's value from which date, the validity and the legal basis. Rules and parameters are matched by name.
/// </summary>
public static class RuleSetDiff
{
    /// <summary>One change: what (e.g. <c>rule CeilingInForce: condition</c>), the text before and after (null when absent).</summary>
    public sealed record Change(string What, string? Before, string? After);

    public static IReadOnlyList<Change> Between(RuleSet before, RuleSet after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<Change>();
        Compare(changes, "ValidFrom", Day(before.ValidFrom), Day(after.ValidFrom));
        Compare(changes, "ValidTo", Day(before.ValidTo), Day(after.ValidTo));
        Compare(changes, "Supersedes", before.Supersedes?.ToString(CultureInfo.InvariantCulture), after.Supersedes?.ToString(CultureInfo.InvariantCulture));
        Compare(changes, "LegalBasis", before.LegalBasis?.Text, after.LegalBasis?.Text);

        var oldRules = before.Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var rule in after.Rules)
        {
            oldRules.TryGetValue(rule.Name, out var old);
            Compare(changes, $"rule {rule.Name}: condition", old?.Expression?.Text, rule.Expression?.Text, added: old is null);
            Compare(changes, $"rule {rule.Name}: message", old?.ErrorMessage, rule.ErrorMessage, added: old is null);
            Compare(changes, $"rule {rule.Name}: success event", old?.SuccessEvent, rule.SuccessEvent, added: old is null);
        }

        foreach (var removed in before.Rules.Where(r => after.Rules.All(n => n.Name != r.Name)))
        {
            changes.Add(new Change($"rule {removed.Name}: condition", removed.Expression?.Text, null));
        }

        foreach (var parameter in after.Parameters)
        {
            var old = before.Parameters.FirstOrDefault(p => p.Name == parameter.Name);
            var dates = parameter.Values.Select(v => v.ValidFrom).Concat(old?.Values.Select(v => v.ValidFrom) ?? []).Distinct().Order();
            foreach (var date in dates)
            {
                var was = old?.Values.FirstOrDefault(v => v.ValidFrom == date);
                var now = parameter.Values.FirstOrDefault(v => v.ValidFrom == date);
                Compare(changes, $"parameter {parameter.Name} from {Day(date)}", was?.Value?.ToJsonString(), now?.Value?.ToJsonString());
                Compare(changes, $"parameter {parameter.Name} from {Day(date)}: legal basis", was?.LegalBasis?.Text, now?.LegalBasis?.Text);
            }
        }

        foreach (var output in after.Outputs)
        {
            var old = before.Outputs.FirstOrDefault(o => o.Name == output.Name);
            Compare(changes, $"output {output.Name}", old?.Expression.Text, output.Expression.Text);
        }

        return changes;
    }

    private static void Compare(List<Change> changes, string what, string? before, string? after, bool added = false)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal) && !(added && after is null))
        {
            changes.Add(new Change(what, before, after));
        }
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
