using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>Plan instalment <see cref="Instalment"/> of <see cref="Amount"/> (a rule output), due <see cref="Due"/> after the firing when given.</summary>
public sealed record InstalmentScheduled(string Instalment, JsonElement Amount, string RuleSet, string Output, DeadlineDuration? Due) : WorkflowEffect;
