namespace DigitalWallonia.Workflows.Tests.Support;

/// <summary>The repository the tests run in, for the content it ships (workflows/).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "DigitalWallonia.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (DigitalWallonia.sln) not found above " + AppContext.BaseDirectory);
    }
}
