namespace DigitalWallonia.Platform.Benchmarks;

/// <summary>A content folder with the bench workflow published in as many versions as asked (v1..vN, same states).</summary>
internal static class BenchContent
{
    public static string Create(int versions)
    {
        var root = Directory.CreateTempSubdirectory("dw-bench-content-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "Content");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!); // a file path always has a directory
            File.Copy(file, target);
        }

        File.Copy(Path.Combine(RepositoryRoot(), "workflows", "roles.json"), Path.Combine(root, "workflows", "roles.json"));
        var v1 = File.ReadAllText(Path.Combine(root, "workflows", "bench-cycle.json"));
        for (var v = 2; v <= versions; v++)
        {
            File.WriteAllText(Path.Combine(root, "workflows", $"bench-cycle-v{v}.json"),
                v1.Replace("\"version\": 1", $"\"version\": {v}", StringComparison.Ordinal));
        }

        return root;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigitalWallonia.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository.");
    }
}
