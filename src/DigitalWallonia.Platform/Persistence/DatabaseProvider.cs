namespace DigitalWallonia.Platform.Persistence;

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, shared by the web host, <c>dw</c> and the scheduler.</summary>
    Sqlite,

    /// <summary>Production and scale-out.</summary>
    Postgres,

    /// <summary>Production and scale-out where SQL Server is the house database.</summary>
    SqlServer,
}
