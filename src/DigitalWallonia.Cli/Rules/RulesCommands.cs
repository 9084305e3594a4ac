namespace DigitalWallonia.Cli.Rules;

/// <summary><c>dw rules check|eval|test</c>.</summary>
internal static class RulesCommands
{
    public static int Run(CliArgs args, CliConsole console)
    {
        console.Error.WriteLine("dw rules: not implemented yet");
        return 1;
    }
}
