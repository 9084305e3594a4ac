namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>Why a rule set was evaluated.</summary>
public enum EvaluationPurpose
{
    /// <summary>A guard of the transition taken.</summary>
    Guard,

    /// <summary>A guard of an automatic transition that was tried and not taken: kept to explain why the dossier waits.</summary>
    AutomaticGuardNotMet,

    /// <summary>An <c>evaluate</c> action.</summary>
    Action,

    /// <summary>A <c>setField</c> or <c>scheduleInstalment</c> action that needed an output not yet evaluated in this firing.</summary>
    Output,
}
