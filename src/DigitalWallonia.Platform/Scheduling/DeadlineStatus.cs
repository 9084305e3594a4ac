namespace DigitalWallonia.Platform.Scheduling;

public enum DeadlineStatus
{
    Pending,

    /// <summary>Fired once through the workflow runtime; never fires again.</summary>
    Fired,

    /// <summary>The dossier left the state the deadline belonged to, or a migration dropped it.</summary>
    Cancelled,

    /// <summary>
    /// Every attempt failed (<see cref="Deadline.Attempts"/> reached Scheduling:MaxAttempts); <see cref="Deadline.LastError"/>
    /// says why. Never retried automatically: an operator looks at it (<c>dw deadlines list</c>).
    /// </summary>
    Failed,
}
