using DigitalWallonia.Rules.Model;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules;

/// <summary>
/// Reads rule sets from JSON: one RulesEngine workflow object or an array of them, property names in any case,
/// plus our extensions (Version, ValidFrom, ValidTo, Supersedes, LegalBasis, Inputs, Parameters, Outputs, Tests).
/// Never throws on bad content: every problem is a positioned <see cref="Diagnostic"/>. Expressions are not checked
/// here; <see cref="RuleEngine.Check"/> does that. References between the file's workflows (<c>WorkflowsToInject</c>,
/// <c>EvaluateRule</c>) are resolved within the file.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>Reads a file. An unreadable file is reported as a diagnostic at 1:1.</summary>
    public static RuleSetLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RuleSetLoadResult([], [new Diagnostic(M.InvalidJson, M.Format(M.InvalidJsonText, e.Message), 1, 1) { File = path }])
            {
                IsStructurallyValid = false,
            };
        }

        return LoadText(text, path);
    }

    /// <summary>Reads rule sets from JSON text; <paramref name="path"/> is used in positions.</summary>
    public static RuleSetLoadResult LoadText(string json, string path = "<input>")
    {
        ArgumentNullException.ThrowIfNull(json);
        var file = new SourceFile(path, json);
        var root = SourceJsonParser.Parse(file, out var error);
        if (root is null)
        {
            var (line, col) = file.LineColumn(error!.Offset); // Parse returns null only with an error.
            return new RuleSetLoadResult([], [new Diagnostic(M.InvalidJson, M.Format(M.InvalidJsonText, error.Message), line, col) { File = path }])
            {
                IsStructurallyValid = false,
            };
        }

        var reader = new RuleSetReader(path);
        var sets = new List<RuleSet>();
        if (root.Kind == SourceNodeKind.Array)
        {
            for (var i = 0; i < root.Items!.Count; i++)
            {
                var set = reader.ReadRuleSet(root.Items[i], $"[{i}]");
                if (set is not null)
                {
                    sets.Add(set);
                }
            }
        }
        else
        {
            var set = reader.ReadRuleSet(root, string.Empty);
            if (set is not null)
            {
                sets.Add(set);
            }
        }

        // Unknown or cyclic references between workflows are errors of the file, but each workflow can still be evaluated.
        var diagnostics = new List<Diagnostic>(reader.Diagnostics);
        var linked = RuleSetLinker.Link(sets, path, diagnostics);
        return new RuleSetLoadResult(linked, diagnostics) { IsStructurallyValid = reader.Diagnostics.Count == 0 };
    }
}
