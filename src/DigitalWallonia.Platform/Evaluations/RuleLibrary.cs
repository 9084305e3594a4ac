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
                foreach (var problem in Registry.Add(ruleSet))
                {
                    logger.LogError("Rule-set version left out: {Diagnostic}", problem.ToString());
                }
            }
        }
    }

    public RuleSetRegistry Registry { get; } = new();

    public IReadOnlySet<string> Names => Registry.Names.ToHashSet(StringComparer.Ordinal);
}
