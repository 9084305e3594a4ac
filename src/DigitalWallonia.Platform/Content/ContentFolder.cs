namespace DigitalWallonia.Platform.Content;

/// <summary>The resolved content folder: paths of the workflow, rule, template and calendar files the platform loads.</summary>
public sealed class ContentFolder
{
    public ContentFolder(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string Workflows => Path.Combine(Root, "workflows");

    public string Rules => Path.Combine(Root, "rules");

    public string Templates => Path.Combine(Root, "templates");

    public string RolesFile => Path.Combine(Workflows, "roles.json");

    /// <summary>The plan's measures, indicators and carriers that the reporting cycles load at first start (reporting/*.json).</summary>
    public string Reporting => Path.Combine(Root, "reporting");

    /// <summary>Working-day calendars; when the folder is absent the calendars built into the platform are used.</summary>
    public string Calendars => Path.Combine(Root, "calendars");

    /// <summary>Workflow definition files (every workflows/*.json except roles.json), in name order.</summary>
    public IEnumerable<string> WorkflowFiles => Directory.Exists(Workflows)
        ? Directory.EnumerateFiles(Workflows, "*.json").Where(f => !Path.GetFileName(f).Equals("roles.json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
        : [];

    /// <summary>Rule-set files under rules/, recursively, in path order.</summary>
    public IEnumerable<string> RuleFiles => Directory.Exists(Rules)
        ? Directory.EnumerateFiles(Rules, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        : [];

    /// <summary>
    /// Finds the content folder: <paramref name="configured"/> (Content:Root) when set; else the application's own
    /// folder when it holds workflows/roles.json, as a published node does; else, for a repository checkout, the
    /// nearest folder with workflows/roles.json above the working directory, then above the application.
    /// </summary>
    /// <exception cref="InvalidOperationException">No content folder was found; the message names the folders searched.</exception>
    public static ContentFolder Locate(string? configured) =>
        Locate(configured, AppContext.BaseDirectory, Directory.GetCurrentDirectory());

    internal static ContentFolder Locate(string? configured, string applicationFolder, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? new ContentFolder(configured)
                : throw new InvalidOperationException($"Content:Root '{configured}' does not exist.");
        }

        if (HoldsContent(applicationFolder))
        {
            return new ContentFolder(applicationFolder);
        }

        // The working directory first: `dotnet run` from a checkout must read the rules being edited there.
        foreach (var start in new[] { workingDirectory, applicationFolder })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (HoldsContent(dir.FullName))
                {
                    return new ContentFolder(dir.FullName);
                }
            }
        }

        var application = Path.TrimEndingDirectorySeparator(Path.GetFullPath(applicationFolder));
        var working = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory));
        throw new InvalidOperationException(
            "No content folder (one holding workflows/roles.json, rules/ and templates/) was found. Searched: the " +
            $"application's folder '{application}' and every folder above it, and the working directory '{working}' and " +
            "every folder above it. Publish the application with its content (dotnet publish copies it next to the " +
            "application) or set Content:Root (environment variable Content__Root) to the folder that holds it.");
    }

    private static bool HoldsContent(string folder) => File.Exists(Path.Combine(folder, "workflows", "roles.json"));
}
