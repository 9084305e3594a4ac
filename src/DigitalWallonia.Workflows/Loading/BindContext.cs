using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>What binding collects: diagnostics, and the position of every node by its JSON path for later checks.</summary>
internal sealed class BindContext(string? file)
{
    public string? File { get; } = file;

    public List<WorkflowDiagnostic> Diagnostics { get; } = [];

    public Dictionary<string, SourcePosition> Positions { get; } = new(StringComparer.Ordinal);

    /// <summary>The JSON path each bound model node came from: items that fail to bind are dropped, so indices in the model can differ from the file's.</summary>
    public Dictionary<object, string> NodePaths { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Transitions whose id the loader made up, so a clash among them is resolved rather than reported.</summary>
    public HashSet<object> DerivedIds { get; } = new(ReferenceEqualityComparer.Instance);

    public void Error(string code, string message, string path, SourcePosition position) =>
        Diagnostics.Add(new WorkflowDiagnostic(code, DiagnosticSeverity.Error, message, path, position) { File = File });

    public void Mark(string path, SourcePosition position) => Positions.TryAdd(path, position);

    public ObjectReader? AsObject(PositionedNode node, string path, params string[] known)
    {
        Mark(path, node.Position);
        if (node is PositionedObject obj)
        {
            return new ObjectReader(this, obj, path, known);
        }

        Error(DiagnosticMessages.WrongType, DiagnosticMessages.Expected("an object", node.Describe()), path, node.Position);
        return null;
    }

    public string? AsString(PositionedNode node, string path)
    {
        Mark(path, node.Position);
        if (node is PositionedValue { Kind: System.Text.Json.JsonValueKind.String } value)
        {
            if (value.Text.Trim().Length == 0)
            {
                Error(DiagnosticMessages.InvalidValue, DiagnosticMessages.EmptyName(path), path, node.Position);
                return null;
            }

            return value.Text;
        }

        Error(DiagnosticMessages.WrongType, DiagnosticMessages.Expected("a string", node.Describe()), path, node.Position);
        return null;
    }

    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Item(string path, int index) => $"{path}[{index}]";
}
