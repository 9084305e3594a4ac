namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>Why an open deadline is cancelled.</summary>
public enum DeadlineCancelReason
{
    /// <summary>A <c>cancelDeadline</c> action.</summary>
    Action,

    /// <summary>The dossier left the state the deadline was created for.</summary>
    StateLeft,

    /// <summary>A new deadline of the same kind replaced it.</summary>
    Replaced,
}
