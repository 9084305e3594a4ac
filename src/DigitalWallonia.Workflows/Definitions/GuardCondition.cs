using System.Diagnostics.CodeAnalysis;

namespace DigitalWallonia.Workflows.Definitions;

/// <summary>The <c>when</c> of a guard: <c>allPassed</c>, <c>rule:NAME</c> or <c>event:NAME</c>.</summary>
public sealed record GuardCondition(GuardConditionKind Kind, string? Name = null)
{
    public static GuardCondition AllPassed { get; } = new(GuardConditionKind.AllPassed);

    public static GuardCondition Rule(string name) => new(GuardConditionKind.Rule, name);

    public static GuardCondition SuccessEvent(string name) => new(GuardConditionKind.SuccessEvent, name);

    /// <summary>Reads the textual form; the prefixes are case-insensitive, the name after them is kept as written.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out GuardCondition? condition)
    {
        ArgumentNullException.ThrowIfNull(text);
        condition = null;
        if (text.Equals("allPassed", StringComparison.OrdinalIgnoreCase))
        {
            condition = AllPassed;
        }
        else if (text.StartsWith("rule:", StringComparison.OrdinalIgnoreCase) && text.Length > 5)
        {
            condition = Rule(text[5..].Trim());
        }
        else if (text.StartsWith("event:", StringComparison.OrdinalIgnoreCase) && text.Length > 6)
        {
            condition = SuccessEvent(text[6..].Trim());
        }

        return condition is not null && (condition.Kind == GuardConditionKind.AllPassed || !string.IsNullOrEmpty(condition.Name));
    }

    public override string ToString() => Kind switch
    {
        GuardConditionKind.Rule => $"rule:{Name}",
        GuardConditionKind.SuccessEvent => $"event:{Name}",
        _ => "allPassed",
    };
}
