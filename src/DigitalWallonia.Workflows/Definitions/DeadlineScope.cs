namespace DigitalWallonia.Workflows.Definitions;

/// <summary>How long a deadline lives when nobody cancels it.</summary>
public enum DeadlineScope
{
    /// <summary>Cancelled when the dossier leaves the state the deadline was created for (the default).</summary>
    State,

    /// <summary>Lives until it fires or a <c>cancelDeadline</c> action cancels it (a label's three-year validity).</summary>
    Dossier,
}
