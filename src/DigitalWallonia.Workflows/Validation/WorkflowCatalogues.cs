using System.Text.Json;
using DigitalWallonia.Workflows.Roles;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>
/// The names a definition may refer to. A null catalogue is not checked (a tool run without the <c>templates/</c> folder,
/// say); an empty one is, and rejects every name.
/// </summary>
public sealed record WorkflowCatalogues
{
    public RoleCatalogue? Roles { get; init; }

    /// <summary>Template keys: <c>voucher-submitted</c> for <c>templates/fr/voucher-submitted.subject.hbs</c>.</summary>
    public IReadOnlySet<string>? Templates { get; init; }

    /// <summary>Rule-set names (<c>WorkflowName</c> of the files under <c>rules/</c>).</summary>
    public IReadOnlySet<string>? RuleSets { get; init; }

    /// <summary>
    /// Parameter names by rule-set name (every version). When given, a duration naming a parameter must find it in a rule
    /// set the workflow itself names.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>>? RuleSetParameters { get; init; }

    public static WorkflowCatalogues None { get; } = new();

    /// <summary>
    /// Template keys from file paths under <c>templates/</c>: <c>fr/voucher-granted.subject.hbs</c> and
    /// <c>voucher-granted.model.json</c> both give <c>voucher-granted</c>. Other files are ignored.
    /// </summary>
    public static IReadOnlySet<string> TemplateKeysFromPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            var suffix = name.EndsWith(".hbs", StringComparison.OrdinalIgnoreCase) ? ".hbs"
                : name.EndsWith(".model.json", StringComparison.OrdinalIgnoreCase) ? ".json"
                : null;
            if (suffix is null)
            {
                continue;
            }

            // Strip the extension, then the part (subject, html, txt, model).
            var stem = name[..^suffix.Length];
            var dot = stem.LastIndexOf('.');
            if (dot > 0)
            {
                keys.Add(stem[..dot]);
            }
        }

        return keys;
    }

    /// <summary>
    /// Rule-set names in one rule file: the <c>WorkflowName</c> of the root object or of each object of a root array
    /// (RulesEngine's shape). A file that is not JSON gives no names; <c>dw rules check</c> reports it.
    /// </summary>
    public static IReadOnlyList<string> RuleSetNamesFromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var roots = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().ToList()
                : [document.RootElement];
            return [.. roots.Where(r => r.ValueKind == JsonValueKind.Object).Select(WorkflowName).OfType<string>()];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? WorkflowName(JsonElement element) =>
        element.EnumerateObject()
            .Where(p => p.Name.Equals("WorkflowName", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString())
            .FirstOrDefault();
}
