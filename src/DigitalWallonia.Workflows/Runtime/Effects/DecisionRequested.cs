namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>
/// Record an immutable decision of kind <see cref="Decision"/> on <see cref="DecidedOn"/>. When segregation of duties applies,
/// <see cref="DecidedBy"/> is the earlier actor (who proposed) and <see cref="CountersignedBy"/> the current one; otherwise
/// whoever took the transition decided alone: the actor for their own action or an external event they sent, the system
/// (<see cref="Actor.System"/>) for a timer or an automatic transition, even one chained after a person's action. <see cref="Evaluation"/> is the latest evaluation of the named rule set in this firing.
/// </summary>
public sealed record DecisionRequested(string Decision, DateOnly DecidedOn, string DecidedBy, string? CountersignedBy, string? RuleSet, GuardOutcome? Evaluation) : WorkflowEffect;
