using DigitalWallonia.Rules;
using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Roles;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Cli.Workflows;

/// <summary>
/// Finds the catalogues a definition is checked against: the options when given, else the repository's
/// <c>workflows/roles.json</c>, <c>templates/</c> and <c>rules/</c> found by walking up from the definition file.
/// </summary>
internal static class CatalogueFiles
{
    public const string RolesFileName = "roles.json";

    /// <summary>The catalogues for a definition file, read once per repository root for a run over many files.</summary>
    public static WorkflowCatalogues For(string definitionFile, CliArgs args, CliConsole console, Dictionary<string, WorkflowCatalogues> cache)
    {
        var root = FindRoot(Path.GetDirectoryName(Path.GetFullPath(definitionFile)) ?? ".");
        var key = root ?? string.Empty;
        if (!cache.TryGetValue(key, out var catalogues))
        {
            catalogues = Read(root, args, console);
            cache[key] = catalogues;
        }

        return catalogues;
    }

    private static WorkflowCatalogues Read(string? root, CliArgs args, CliConsole console)
    {
        var rolesFile = args.Option("roles") ?? (root is null ? null : Path.Combine(root, "workflows", RolesFileName));
        var templatesDir = args.Option("templates") ?? (root is null ? null : Path.Combine(root, "templates"));
        var rulesDir = args.Option("rules") ?? (root is null ? null : Path.Combine(root, "rules"));
        return new WorkflowCatalogues
        {
            Roles = Roles(rolesFile, console),
            Templates = NotEmpty(Templates(templatesDir), "template keys", templatesDir, console),
            RuleSets = NotEmpty(RuleSets(rulesDir), "rule-set names", rulesDir, console),
            RuleSetParameters = RuleSetParameters(rulesDir),
        };
    }

    /// <summary>Parameter names by rule set, so a timer's parameter is checked against the workflow's own rule sets; null without rules.</summary>
    private static Dictionary<string, IReadOnlySet<string>>? RuleSetParameters(string? directory)
    {
        if (directory is null || !Directory.Exists(directory))
        {
            return null;
        }

        var byName = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var set in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).SelectMany(f => RuleSetLoader.LoadFile(f).RuleSets))
        {
            var names = byName.TryGetValue(set.Name, out var known) ? known : byName[set.Name] = new HashSet<string>(StringComparer.Ordinal);
            names.UnionWith(set.ParameterNames());
        }

        return byName.Count == 0 ? null : byName.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }

    private static string? FindRoot(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, "workflows", RolesFileName)))
            {
                return current.FullName;
            }
        }

        return null;
    }

    private static RoleCatalogue? Roles(string? file, CliConsole console)
    {
        if (file is null || !File.Exists(file))
        {
            console.Out.WriteLine("note: no role catalogue found; role names not checked (use --roles FILE)");
            return null;
        }

        var (catalogue, diagnostics) = RoleCatalogueLoader.Load(File.ReadAllBytes(file), file);
        foreach (var diagnostic in diagnostics)
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        return catalogue;
    }

    private static IReadOnlySet<string>? Templates(string? directory) =>
        directory is null || !Directory.Exists(directory)
            ? null
            : WorkflowCatalogues.TemplateKeysFromPaths(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories));

    private static HashSet<string>? RuleSets(string? directory) =>
        directory is null || !Directory.Exists(directory)
            ? null
            : Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
                .SelectMany(f => WorkflowCatalogues.RuleSetNamesFromJson(File.ReadAllText(f)))
                .ToHashSet(StringComparer.Ordinal);

    // An empty folder means that content has not been written yet (templates and rule sets come with the programmes):
    // say so rather than report every name as unknown.
    private static IReadOnlySet<string>? NotEmpty(IReadOnlySet<string>? names, string what, string? directory, CliConsole console)
    {
        if (names is { Count: > 0 })
        {
            return names;
        }

        console.Out.WriteLine($"note: no {what} found{(directory is null ? string.Empty : $" under {directory}")}; {what} not checked");
        return null;
    }
}
