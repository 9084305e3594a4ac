namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>Where the templates are. Bound from the <c>Templates</c> section (<c>Templates__Folder</c>).</summary>
public sealed class TemplateOptions
{
    public const string Section = "Templates";

    /// <summary>
    /// The templates folder. Defaults to "templates": ./templates when it exists in the working directory (the
    /// repository), else the copy built next to the binaries.
    /// </summary>
    public string Folder { get; set; } = "templates";

    public string ResolveFolder()
    {
        if (Path.IsPathRooted(Folder) || Directory.Exists(Folder))
        {
            return Path.GetFullPath(Folder);
        }

        return Path.Combine(AppContext.BaseDirectory, Folder);
    }
}
