using System.Text;
using DigitalWallonia.Workflows.Roles;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>Reads <c>workflows/roles.json</c>: <c>{"roles": [{"key", "labels", "scope": "global"|"party", "party"?}]}</c>.</summary>
public static class RoleCatalogueLoader
{
    private static readonly string[] RootProperties = ["$schema", "roles"];
    private static readonly string[] RoleProperties = ["key", "labels", "scope", "party"];
    private static readonly string[] Scopes = ["global", "party"];

    /// <summary>Loads the catalogue; <c>Catalogue</c> is null when the file is not usable at all.</summary>
    public static (RoleCatalogue? Catalogue, IReadOnlyList<WorkflowDiagnostic> Diagnostics) Load(byte[] utf8, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var context = new BindContext(file);
        var root = PositionedJsonParser.Parse(utf8, new LineMap(utf8), out var error, out var errorPosition);
        if (root is null)
        {
            context.Error(DiagnosticMessages.MalformedJson, DiagnosticMessages.Malformed(error ?? "unreadable"), string.Empty, errorPosition);
            return (null, context.Diagnostics);
        }

        var reader = context.AsObject(root, string.Empty, RootProperties);
        if (reader is null)
        {
            return (null, context.Diagnostics);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var roles = reader.List("roles", required: true, (node, path) =>
        {
            var role = reader.Context.AsObject(node, path, RoleProperties);
            if (role is null)
            {
                return null;
            }

            var key = role.RequiredString("key");
            if (key.Length > 0 && !seen.Add(key))
            {
                context.Error(DiagnosticMessages.DuplicateRole, DiagnosticMessages.RoleDefinedTwice(key), role.PathOf("key"), role.Get("key")?.Position ?? node.Position);
            }

            var labels = role.Text("labels", required: true, requireFrench: true);
            var scope = role.Choice("scope", required: true, Scopes) == "party" ? RoleScope.Party : RoleScope.Global;
            return new RoleDefinition(key, labels, scope) { PartyLink = role.OptionalString("party") };
        });
        return (new RoleCatalogue(roles), context.Diagnostics);
    }

    public static (RoleCatalogue? Catalogue, IReadOnlyList<WorkflowDiagnostic> Diagnostics) Load(string json, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Load(Encoding.UTF8.GetBytes(json), file);
    }
}
