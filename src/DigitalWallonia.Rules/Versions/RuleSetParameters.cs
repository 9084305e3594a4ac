using System.Text.Json.Nodes;
using DigitalWallonia.Rules.Model;

namespace DigitalWallonia.Rules;

/// <summary>Reads a rule set's dated parameters outside expressions (a workflow deadline may name one as its delay).</summary>
public static class RuleSetParameters
{
    /// <summary>
    /// The value of parameter <paramref name="name"/> in force on <paramref name="asOf"/> (the value with the latest
    /// ValidFrom not after it) with its declared unit, or false when the rule set has no such parameter or no value in
    /// force then.
    /// </summary>
    public static bool TryGetValue(this RuleSet ruleSet, string name, DateOnly asOf, out JsonNode? value, out string? unit)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var parameter = ruleSet.Parameters.FirstOrDefault(p => p.Name == name);
        var inForce = parameter?.Values.Where(v => v.ValidFrom <= asOf).MaxBy(v => v.ValidFrom);
        value = inForce?.Value;
        unit = parameter?.Unit;
        return inForce is not null;
    }

    /// <summary>Names of the parameters the rule set declares.</summary>
    public static IReadOnlyList<string> ParameterNames(this RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return [.. ruleSet.Parameters.Select(p => p.Name)];
    }
}
