using System.Text;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>
/// Reads a workflow definition from JSON (docs/workflows.md). Property names are case-insensitive; unknown properties
/// are errors. Never throws on user input and does no I/O: the caller reads the file. Thread-safe.
/// </summary>
public static class WorkflowDefinitionLoader
{
    public static WorkflowLoadResult Load(string json, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Load(Encoding.UTF8.GetBytes(json), file);
    }

    /// <param name="utf8">The file's bytes; a UTF-8 byte order mark is skipped.</param>
    /// <param name="file">The name used in diagnostics.</param>
    public static WorkflowLoadResult Load(byte[] utf8, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var context = new BindContext(file);
        var lines = new LineMap(utf8);
        var root = PositionedJsonParser.Parse(utf8, lines, out var error, out var errorPosition);
        if (root is null)
        {
            context.Error(DiagnosticMessages.MalformedJson, DiagnosticMessages.Malformed(error ?? "unreadable"), string.Empty, errorPosition);
            return new WorkflowLoadResult(null, new DefinitionSourceMap(file, context.Positions, context.NodePaths), context.Diagnostics);
        }

        var definition = DefinitionBinder.Bind(root, context);
        return new WorkflowLoadResult(definition, new DefinitionSourceMap(file, context.Positions, context.NodePaths), context.Diagnostics);
    }
}
