using System.Collections.Concurrent;
using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Compilation;

namespace DigitalWallonia.Rules.Model;

/// <summary>
/// The workflows read from one file, every version of each: the scope in which <c>WorkflowsToInject</c> and
/// <c>EvaluateRule</c> names are resolved, with the same dating rules as <see cref="RuleSetRegistry"/>. Filled once by
/// <see cref="RuleSetLinker"/>, then only read; thread-safe.
/// </summary>
internal sealed class RuleSetFile
{
    private readonly RuleSetRegistry _versions = new();
    private readonly ConcurrentDictionary<(Guid, string), CompiledWorkflow> _compiled = new();

    public void Add(IEnumerable<RuleSet> sets)
    {
        foreach (var set in sets)
        {
            // Overlapping or duplicate versions are reported by the registry the file is published to; here the first wins.
            _versions.Add(set);
        }
    }

    /// <summary>The version of <paramref name="name"/> in force on <paramref name="asOf"/>, or null.</summary>
    public RuleSet? Resolve(string name, DateOnly asOf) => _versions.Resolve(name, asOf);

    /// <summary>
    /// A workflow of this file compiled for the inputs an EvaluateRule action gives it, once per (version, input shape):
    /// every caller of the file shares it, and rules that evaluate each other reuse it at every level.
    /// </summary>
    public CompiledWorkflow Compiled(RuleSet set, RType shape)
        => _compiled.GetOrAdd((set.LoadId, shape.Key), _ => WorkflowCompiler.Compile(set, shape, out IReadOnlyList<Diagnostic> _));
}
