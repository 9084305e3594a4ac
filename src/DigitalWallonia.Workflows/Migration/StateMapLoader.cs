using System.Text;
using DigitalWallonia.Workflows.Loading;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Migration;

/// <summary>
/// Reads a migration map: <c>{"workflow": "voucher", "toVersion": 2, "states": {"old": "new"}, "deadlines": {"decision": "replan"}}</c>.
/// Diagnostics use the same codes and positions as definitions.
/// </summary>
public static class StateMapLoader
{
    private static readonly string[] RootProperties = ["$schema", "workflow", "toVersion", "states", "deadlines"];
    private static readonly string[] Policies = ["keep", "replan", "cancel"];

    public static (StateMap? Map, IReadOnlyList<WorkflowDiagnostic> Diagnostics) Load(string json, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var utf8 = Encoding.UTF8.GetBytes(json);
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

        var workflow = reader.RequiredString("workflow");
        var toVersion = reader.Has("toVersion") ? reader.OptionalInt("toVersion", 1, int.MaxValue) ?? 1 : Missing(reader, "toVersion");
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node, path) in Entries(reader, "states"))
        {
            if (context.AsString(node, path) is { } target)
            {
                states[name] = target;
            }
        }

        var deadlines = new Dictionary<string, DeadlinePolicy>(StringComparer.Ordinal);
        foreach (var (name, node, path) in Entries(reader, "deadlines"))
        {
            var text = context.AsString(node, path);
            var policy = Policies.FirstOrDefault(p => p.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (text is not null && policy is null)
            {
                context.Error(DiagnosticMessages.InvalidValue, DiagnosticMessages.NotOneOf(text, Policies), path, node.Position);
            }
            else if (policy is not null)
            {
                deadlines[name] = Enum.Parse<DeadlinePolicy>(policy, ignoreCase: true);
            }
        }

        return (new StateMap(workflow, toVersion) { States = states, Deadlines = deadlines }, context.Diagnostics);
    }

    private static int Missing(ObjectReader reader, string name)
    {
        reader.Required(name);
        return 1;
    }

    private static IEnumerable<(string Name, PositionedNode Node, string Path)> Entries(ObjectReader reader, string property)
    {
        if (reader.Get(property) is not { } node)
        {
            return [];
        }

        if (node is not PositionedObject obj)
        {
            reader.Context.Error(DiagnosticMessages.WrongType, DiagnosticMessages.Expected("an object", node.Describe()), reader.PathOf(property), node.Position);
            return [];
        }

        // Keys here are state names and deadline kinds, free text, so this object is not read with known properties.
        return obj.Properties.Select(p => (p.Name, p.Value, $"{property}.{p.Name}"));
    }
}
