namespace DigitalWallonia.Platform.Tests.Support;

/// <summary>The repository above the test binaries, and throwaway content folders built from it (shared with the CLI tests).</summary>
public static class TestContent
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigitalWallonia.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (DigitalWallonia.sln) is not above the test binaries.");
    }

    /// <summary>
    /// A new temporary content folder: the test workflows, rules and templates copied next to the binaries (TestContent/)
    /// plus the repository's workflows/roles.json. The caller deletes it.
    /// </summary>
    public static string CreateFolder()
    {
        var folder = Directory.CreateTempSubdirectory("dw-content-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "TestContent");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!); // a file path always has a directory
            File.Copy(file, target);
        }

        File.Copy(Path.Combine(RepositoryRoot(), "workflows", "roles.json"), Path.Combine(folder, "workflows", "roles.json"));
        return folder;
    }
}
