using System.Text.Json;

namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>Set dossier field <see cref="Field"/> to <see cref="Value"/>, output <see cref="Output"/> of rule set <see cref="RuleSet"/>.</summary>
public sealed record DossierFieldSet(string Field, JsonElement Value, string RuleSet, string Output) : WorkflowEffect;
