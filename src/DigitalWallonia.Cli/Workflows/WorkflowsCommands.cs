namespace DigitalWallonia.Cli.Workflows;

/// <summary><c>dw workflows check|graph</c>.</summary>
internal static class WorkflowsCommands
{
    public static int Run(CliArgs args, CliConsole console)
    {
        console.Error.WriteLine("dw workflows: not implemented yet");
        return 1;
    }
}
