namespace DigitalWallonia.Cli.Database;

/// <summary><c>dw db migrate</c>.</summary>
internal static class DbCommands
{
    public static Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        console.Error.WriteLine("dw db: not implemented yet");
        return Task.FromResult(1);
    }
}
