namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// Something done on entering or leaving a state, or while taking a transition. Actions are data: the runtime turns each
/// into effects the platform persists in the dossier's transaction.
/// </summary>
public abstract record WorkflowAction
{
    private protected WorkflowAction()
    {
    }

    /// <summary>The <c>type</c> written in the file (<c>evaluate</c>, <c>notify</c>, ...).</summary>
    public abstract string Type { get; }
}

/// <summary><c>evaluate</c>: evaluate rule set <see cref="RuleSet"/> as of <see cref="AsOf"/> and store the evaluation snapshot.</summary>
public sealed record EvaluateRuleSetAction(string RuleSet, AsOfKind AsOf) : WorkflowAction
{
    public override string Type => "evaluate";
}

/// <summary><c>notify</c>: queue message <see cref="Template"/> for every person holding one of <see cref="Recipients"/> (roles), each in their own language.</summary>
public sealed record NotifyAction(string Template, IReadOnlyList<string> Recipients) : WorkflowAction
{
    public override string Type => "notify";
}

/// <summary><c>createDeadline</c>: open deadline <see cref="Kind"/>, due <see cref="Duration"/> after the firing, with reminders.</summary>
public sealed record CreateDeadlineAction(string Kind, DeadlineDuration Duration) : WorkflowAction
{
    public IReadOnlyList<ReminderDefinition> Reminders { get; init; } = [];

    public DeadlineScope Scope { get; init; } = DeadlineScope.State;

    public override string Type => "createDeadline";
}

/// <summary><c>cancelDeadline</c>: cancel the open deadline of kind <see cref="Kind"/>, if any.</summary>
public sealed record CancelDeadlineAction(string Kind) : WorkflowAction
{
    public override string Type => "cancelDeadline";
}

/// <summary>
/// <c>requireDifferentActor</c> (segregation of duties): the transition is refused when its actor is the person who last did
/// action <see cref="Action"/> on this dossier. Only meaningful on transitions.
/// </summary>
public sealed record RequireDifferentActorAction(string Action) : WorkflowAction
{
    public override string Type => "requireDifferentActor";
}

/// <summary>
/// <c>setField</c>: set dossier field <see cref="Field"/> to output <see cref="Output"/> of rule set <see cref="RuleSet"/>,
/// taken from its latest evaluation in the same firing, or from a new evaluation as of <see cref="AsOf"/>.
/// </summary>
public sealed record SetDossierFieldAction(string Field, string RuleSet, string Output, AsOfKind AsOf) : WorkflowAction
{
    public override string Type => "setField";
}

/// <summary>
/// <c>recordDecision</c>: ask the platform to record an immutable decision of kind <see cref="Decision"/> (grant, refusal,
/// partial, withdrawal, recovery), with reasons from the latest evaluation of <see cref="RuleSet"/> when given. Fixes
/// <c>DecidedOn</c> to the firing's date.
/// </summary>
public sealed record RecordDecisionAction(string Decision, string? RuleSet) : WorkflowAction
{
    public override string Type => "recordDecision";
}

/// <summary><c>issueDocument</c>: produce a document of kind <see cref="Document"/> (letter, certificate) from template <see cref="Template"/>.</summary>
public sealed record IssueDocumentAction(string Document, string Template) : WorkflowAction
{
    public override string Type => "issueDocument";
}

/// <summary>
/// <c>scheduleInstalment</c>: plan payment instalment <see cref="Instalment"/> whose amount is output <see cref="Output"/> of
/// rule set <see cref="RuleSet"/>, due after <see cref="Due"/> when given.
/// </summary>
public sealed record ScheduleInstalmentAction(string Instalment, string RuleSet, string Output) : WorkflowAction
{
    public DeadlineDuration? Due { get; init; }

    public AsOfKind AsOf { get; init; } = AsOfKind.Decided;

    public override string Type => "scheduleInstalment";
}
