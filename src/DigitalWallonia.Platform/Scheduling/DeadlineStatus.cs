namespace DigitalWallonia.Platform.Scheduling;

public enum DeadlineStatus
{
    Pending,

    /// <summary>Fired once through the workflow runtime; never fires again.</summary>
    Fired,

    /// <summary>The dossier left the state the deadline belonged to, or a migration dropped it.</summary>
    Cancelled,
}
