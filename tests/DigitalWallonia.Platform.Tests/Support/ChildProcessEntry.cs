using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Dossiers;

namespace DigitalWallonia.Platform.Tests.Support;

/// <summary>
/// The test assembly's own entry point, so that a test can run part of itself as a child process and kill it
/// (<c>dotnet DigitalWallonia.Platform.Tests.dll transitions PROVIDER CONNECTION CONTENT</c>). The test host never calls it.
/// </summary>
public static class ChildProcessEntry
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 4 && args[0] == "transitions")
        {
            await TransitionStream.RunAsync(Enum.Parse<DatabaseProvider>(args[1]), args[2], args[3]);
            return 0;
        }

        await Console.Error.WriteLineAsync("usage: transitions PROVIDER CONNECTION CONTENT-ROOT");
        return 2;
    }
}
