using DigitalWallonia.Platform.Notifications.Templates;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>The repository's templates/ folder, and throwaway folders written by a test.</summary>
internal sealed class TemplateFolder : IDisposable
{
    private TemplateFolder(string root) => Root = root;

    /// <summary>The folder that holds templates/ (diagnostics name files relative to it).</summary>
    public string Root { get; }

    public string Templates => Path.Combine(Root, "templates");

    public static string Repository
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DigitalWallonia.sln")))
                {
                    return Path.Combine(dir.FullName, "templates");
                }
            }

            throw new InvalidOperationException("DigitalWallonia.sln not found above the test binaries");
        }
    }

    public static TemplateCatalogue RepositoryCatalogue { get; } = TemplateCatalogue.Load(Repository);

    /// <summary>A temporary folder with the given files (paths relative to templates/).</summary>
    public static TemplateFolder With(params (string Path, string Text)[] files)
    {
        var folder = new TemplateFolder(Directory.CreateTempSubdirectory("dw-templates-").FullName);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder.Templates, path);
            // full is a file path under the temporary folder, so it always has a directory part.
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return folder;
    }

    public TemplateCatalogue Load() => TemplateCatalogue.Load(Templates);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
