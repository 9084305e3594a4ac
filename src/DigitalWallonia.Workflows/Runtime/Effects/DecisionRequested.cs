namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>
/// Record an immutable decision of kind <see cref="Decision"/> on <see cref="DecidedOn"/>. When segregation of duties applies,
/// <see cref="DecidedBy"/> is the earlier actor (who proposed) and <see cref="CountersignedBy"/> the current one; otherwise
/// the current actor decided alone. <see cref="Evaluation"/> is the latest evaluation of the named rule set in this firing.
/// </summary>
public sealed record DecisionRequested(string Decision, DateOnly DecidedOn, string DecidedBy, string? CountersignedBy, string? RuleSet, GuardOutcome? Evaluation) : WorkflowEffect;
