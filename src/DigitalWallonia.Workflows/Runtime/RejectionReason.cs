namespace DigitalWallonia.Workflows.Runtime;

/// <summary>Why a firing was refused. <see cref="Rejection.Code"/> gives the kebab-case form for APIs and logs.</summary>
public enum RejectionReason
{
    /// <summary>No transition from the current state answers this trigger (or the state is final).</summary>
    NotAllowedInState,

    /// <summary>The actor holds none of the roles allowed, or holds a party-scoped one for another party.</summary>
    RoleMissing,

    /// <summary>The actor did the earlier action this one must be done by someone else than.</summary>
    SegregationOfDuties,

    /// <summary>The guard's rule set did not give the outcome it waits for.</summary>
    GuardFailed,

    /// <summary>
    /// The action's input does not match its declaration: a field undeclared, a required one missing, one of the wrong
    /// type or outside its constraints (<see cref="Rejection.FieldErrors"/> names each).
    /// </summary>
    InvalidInput,

    /// <summary>The action would write a fact the system owns (<see cref="Definitions.SystemFacts"/>) on a party's word.</summary>
    SystemFactRefused,

    /// <summary>The instance is pinned to another definition or version than the one given.</summary>
    VersionMismatch,

    /// <summary>The instance's state is not in its definition.</summary>
    UnknownState,

    /// <summary>A timer fired for a deadline that is not open (already fired or cancelled): nothing happens twice.</summary>
    DeadlineNotOpen,

    /// <summary>A rule set is evaluated as of a legal date the dossier does not have yet.</summary>
    LegalDateMissing,

    /// <summary>A rule set did not produce an output an action needs.</summary>
    RuleOutputMissing,

    /// <summary>Automatic transitions would enter a state a second time in one firing.</summary>
    AutomaticCycle,

    /// <summary>Automatic transitions chained more than <see cref="WorkflowRuntimeSettings.MaxAutomaticSteps"/>.</summary>
    AutomaticChainTooLong,

    /// <summary><see cref="WorkflowRuntime.Start"/> on an instance that already has history.</summary>
    AlreadyStarted,

    /// <summary>
    /// A second approval of a proposal whose evidence changed after it was made (a fact corrected, a document added, a
    /// new evaluation): the proposal is void and must be made again. Decided by the platform, which holds the evidence.
    /// </summary>
    ProposalVoided,
}
