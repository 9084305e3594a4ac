namespace DigitalWallonia.Platform.Persistence;

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, shared by the web host, <c>dw</c> and the scheduler.</summary>
    Sqlite,

    /// <summary>Production and scale-out.</summary>
    Postgres,
}
