using System.Text.Json;

namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>
/// Set dossier field <see cref="Field"/> to <see cref="Value"/>, output <see cref="Output"/> of rule set <see cref="RuleSet"/>:
/// a fact the administration decided, <see cref="DecidedBy"/> (the subject who took the transition, or <c>system</c>).
/// </summary>
public sealed record DossierFieldSet(string Field, JsonElement Value, string RuleSet, string Output) : WorkflowEffect
{
    public string DecidedBy { get; init; } = Actor.System.SubjectId;
}
