using DigitalWallonia.Platform.Content;
using DigitalWallonia.Rules;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Platform.Evaluations;

/// <summary>
/// Every rule-set version under rules/, loaded once into a <see cref="RuleSetRegistry"/> that resolves the version in force
/// on a date. A file with errors is left out and logged with its positions; <c>dw rules check</c> refuses it before it
/// gets here.
/// </summary>
public sealed class RuleLibrary
{
    public RuleLibrary(ContentFolder content, ILogger<RuleLibrary> logger)
    {
        foreach (var file in content.RuleFiles)
        {
            var loaded = RuleSetLoader.LoadFile(file);
            if (loaded.Diagnostics.Count > 0)
            {
                foreach (var diagnostic in loaded.Diagnostics)
                {
                    logger.LogError("Rule file left out: {Diagnostic}", diagnostic.ToString());
                }

                continue;
            }

            foreach (var ruleSet in loaded.RuleSets)
            {
                var problems = Registry.Add(ruleSet);
                foreach (var problem in problems)
                {
                    logger.LogError("Rule-set version left out: {Diagnostic}", problem.ToString());
                }

                if (problems.Count == 0)
                {
                    var names = _parameters.TryGetValue(ruleSet.Name, out var known) ? known : _parameters[ruleSet.Name] = new HashSet<string>(StringComparer.Ordinal);
                    names.UnionWith(ruleSet.ParameterNames());
                }
            }
        }
    }

    private readonly Dictionary<string, HashSet<string>> _parameters = new(StringComparer.Ordinal);

    public RuleSetRegistry Registry { get; } = new();

    /// <summary>Parameter names by rule-set name, over every loaded version (read-only once constructed).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ParameterNames
        => _parameters.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);

    public IReadOnlySet<string> Names => Registry.Names.ToHashSet(StringComparer.Ordinal);
}
