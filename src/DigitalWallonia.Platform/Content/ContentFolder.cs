namespace DigitalWallonia.Platform.Content;

/// <summary>The resolved content folder: paths of the workflow, rule and template files the platform loads.</summary>
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

    /// <summary>Workflow definition files (every workflows/*.json except roles.json), in name order.</summary>
    public IEnumerable<string> WorkflowFiles => Directory.Exists(Workflows)
        ? Directory.EnumerateFiles(Workflows, "*.json").Where(f => !Path.GetFileName(f).Equals("roles.json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
        : [];

    /// <summary>Rule-set files under rules/, recursively, in path order.</summary>
    public IEnumerable<string> RuleFiles => Directory.Exists(Rules)
        ? Directory.EnumerateFiles(Rules, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        : [];

    /// <summary>Finds the content folder: <paramref name="configured"/>, or the nearest folder upwards with workflows/roles.json.</summary>
    /// <exception cref="InvalidOperationException">No content folder was found; the message says where it looked.</exception>
    public static ContentFolder Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? new ContentFolder(configured)
                : throw new InvalidOperationException($"Content:Root '{configured}' does not exist.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "workflows", "roles.json")))
                {
                    return new ContentFolder(dir.FullName);
                }
            }
        }

        throw new InvalidOperationException(
            "No content folder (workflows/roles.json) was found above the working directory or the application; set Content:Root.");
    }
}
