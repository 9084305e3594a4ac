using DigitalWallonia.Platform.Content;
using DigitalWallonia.Rules;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Platform.Evaluations;

/// <summary>
/// The rule-set versions this process evaluates with, as one immutable <see cref="RuleSetRegistry"/> that is swapped
/// whole when a publication is seen (<see cref="RuleSets.RuleSetCatalogue"/> loads the published versions from the
/// database and polls for new ones). Until the first load it holds rules/, which is what seeds an empty database.
/// A version with errors is left out and logged with its positions; publishing refuses it before it gets here.
/// </summary>
public sealed class RuleLibrary
{
    private readonly ILogger<RuleLibrary> _logger;
    private volatile Loaded _current;

    public RuleLibrary(ContentFolder content, ILogger<RuleLibrary> logger)
    {
        _logger = logger;
        _current = Build(content.RuleFiles.Select(f => new RuleSource(f, File.ReadAllText(f))), publication: -1);
    }

    /// <summary>A rule-set file's text and the path its positions name.</summary>
    public sealed record RuleSource(string Path, string Text);

    private sealed record Loaded(RuleSetRegistry Registry, IReadOnlyDictionary<string, IReadOnlySet<string>> Parameters, long Publication,
        IReadOnlyDictionary<string, string> Texts);

    /// <summary>The versions in force now; read it once per evaluation (a later read may see a newer publication).</summary>
    public RuleSetRegistry Registry => _current.Registry;

    /// <summary>The publication counter the loaded versions correspond to; -1 while they are the content folder's.</summary>
    public long Publication => _current.Publication;

    /// <summary>Parameter names by rule-set name, over every loaded version.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> ParameterNames => _current.Parameters;

    public IReadOnlySet<string> Names => _current.Registry.Names.ToHashSet(StringComparer.Ordinal);

    /// <summary>The text a loaded version came from (its file, or its published row), by <see cref="RuleSet.SourcePath"/>.</summary>
    public string? SourceText(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ruleSet.SourcePath is { } path && _current.Texts.TryGetValue(path, out var text) ? text : null;
    }

    /// <summary>Replaces the loaded versions with <paramref name="sources"/>, read as of publication <paramref name="publication"/>.</summary>
    public void Load(IEnumerable<RuleSource> sources, long publication) => _current = Build(sources, publication);

    private Loaded Build(IEnumerable<RuleSource> sources, long publication)
    {
        var sets = new List<RuleSet>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            texts[source.Path] = source.Text;
            var loaded = RuleSetLoader.LoadText(source.Text, source.Path);
            if (loaded.Diagnostics.Count > 0)
            {
                foreach (var diagnostic in loaded.Diagnostics)
                {
                    _logger.LogError("Rule file left out: {Diagnostic}", diagnostic.ToString());
                }

                continue;
            }

            sets.AddRange(loaded.RuleSets);
        }

        var registry = new RuleSetRegistry();
        foreach (var problem in registry.AddAll(sets))
        {
            _logger.LogError("Rule-set version left out: {Diagnostic}", problem.ToString());
        }

        var parameters = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var group in sets.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            parameters[group.Key] = group.SelectMany(s => s.ParameterNames()).ToHashSet(StringComparer.Ordinal);
        }

        return new Loaded(registry, parameters, publication, texts);
    }
}
