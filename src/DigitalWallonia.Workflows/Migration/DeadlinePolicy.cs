namespace DigitalWallonia.Workflows.Migration;

/// <summary>What a migration does with an open deadline.</summary>
public enum DeadlinePolicy
{
    /// <summary>Keep its due instant: the target version still waits for it.</summary>
    Keep,

    /// <summary>Compute it again from the target version's <c>createDeadline</c> of the same kind, from the original start.</summary>
    Replan,

    /// <summary>Cancel it and its reminders.</summary>
    Cancel,
}
