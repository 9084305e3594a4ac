using System.Globalization;
using System.Text.Json;
using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules;

/// <summary>
/// Published rule-set versions by name. A version holds from its ValidFrom until the next version's ValidFrom
/// (or its own ValidTo, inclusive). A version that <see cref="RuleSet.Supersedes"/> another replaces it for its whole
/// period; two versions starting on the same day without Supersedes overlap and the second is refused.
/// Versions are never edited or removed. Thread-safe.
/// </summary>
public sealed class RuleSetRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<RuleSet>> _byName = new(StringComparer.Ordinal);

    public RuleSetRegistry(RuleEngine? engine = null) => Engine = engine ?? new RuleEngine();

    /// <summary>The engine used by <see cref="Evaluate(string, DateOnly, JsonElement, bool)"/>.</summary>
    public RuleEngine Engine { get; }

    /// <summary>Adds a version. Returns the reasons it was refused (duplicate version, unknown Supersedes, overlap); empty when added.</summary>
    public IReadOnlyList<Diagnostic> Add(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        lock (_gate)
        {
            var versions = _byName.TryGetValue(ruleSet.Name, out var list) ? list : [];
            var problems = Validate(ruleSet, versions);
            if (problems.Count == 0)
            {
                versions.Add(ruleSet);
                _byName[ruleSet.Name] = versions;
            }

            return problems;
        }
    }

    /// <summary>
    /// Adds a whole set of versions so that the order they come in cannot change the outcome: by name and version number,
    /// and a correction whose <see cref="RuleSet.Supersedes"/> names a version not added yet is retried once that one is.
    /// Returns the refusals that remain.
    /// </summary>
    public IReadOnlyList<Diagnostic> AddAll(IEnumerable<RuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        var pending = ruleSets.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Supersedes is null ? 0 : 1).ThenBy(s => s.Version).ToList();
        while (true)
        {
            var refused = new List<(RuleSet Set, IReadOnlyList<Diagnostic> Problems)>();
            foreach (var set in pending)
            {
                if (Add(set) is { Count: > 0 } problems)
                {
                    refused.Add((set, problems));
                }
            }

            if (refused.Count == 0 || refused.Count == pending.Count || refused.All(r => r.Problems.All(p => p.Code != M.UnknownSupersedes)))
            {
                return [.. refused.SelectMany(r => r.Problems)];
            }

            pending = [.. refused.Select(r => r.Set)];
        }
    }

    private static List<Diagnostic> Validate(RuleSet set, List<RuleSet> existing)
    {
        var (line, col) = set.Node?.Position ?? (0, 0);
        Diagnostic Problem(string code, string message) => new(code, message, line, col) { File = set.SourcePath, Path = "Version" };
        var problems = new List<Diagnostic>();
        if (existing.Any(v => v.Version == set.Version))
        {
            problems.Add(Problem(M.DuplicateVersion, M.Format(M.DuplicateVersionText, set.Name, set.Version)));
            return problems;
        }

        if (set.Supersedes is { } sup && existing.All(v => v.Version != sup))
        {
            problems.Add(Problem(M.UnknownSupersedes, M.Format(M.UnknownSupersedesText, set.Name, set.Version, sup)));
            return problems;
        }

        var effective = Effective(existing.Append(set).ToList());
        if (!effective.Contains(set))
        {
            return problems;
        }

        foreach (var other in effective.Where(v => v != set))
        {
            var sameStart = (other.ValidFrom ?? DateOnly.MinValue) == (set.ValidFrom ?? DateOnly.MinValue);
            var retiredLate = other.ValidTo is { } to && set.ValidFrom is { } from && from > (other.ValidFrom ?? DateOnly.MinValue) && to >= from;
            if (sameStart || retiredLate)
            {
                var start = (other.ValidFrom ?? DateOnly.MinValue).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                problems.Add(Problem(M.VersionOverlap, M.Format(M.VersionOverlapText, set.Name, set.Version, other.Version, start)));
            }
        }

        return problems;
    }

    private static List<RuleSet> Effective(List<RuleSet> versions)
    {
        var superseded = versions.Where(v => v.Supersedes is not null).Select(v => v.Supersedes!.Value).ToHashSet();
        return versions.Where(v => !superseded.Contains(v.Version)).ToList();
    }

    /// <summary>The version in force on <paramref name="asOf"/>, or null when none is (before the first, or retired).</summary>
    public RuleSet? Resolve(string name, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            if (!_byName.TryGetValue(name, out var versions))
            {
                return null;
            }

            var inForce = Effective(versions)
                .Where(v => (v.ValidFrom ?? DateOnly.MinValue) <= asOf)
                .OrderByDescending(v => v.ValidFrom ?? DateOnly.MinValue)
                .ThenByDescending(v => v.Version)
                .FirstOrDefault();
            return inForce is not null && inForce.ValidTo is { } to && asOf > to ? null : inForce;
        }
    }

    /// <summary>Names of the registered rule sets.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_gate)
            {
                return [.. _byName.Keys];
            }
        }
    }

    /// <summary>
    /// The guard-evaluator entry point: evaluates the version of <paramref name="ruleSetName"/> in force on
    /// <paramref name="asOf"/> with <paramref name="facts"/> (an object whose properties are the inputs).
    /// The result names the version used; when no version is in force, <see cref="EvaluationResult.InputError"/> says so.
    /// </summary>
    public EvaluationResult Evaluate(string ruleSetName, DateOnly asOf, JsonElement facts, bool explain = false)
    {
        // Resolve takes the lock and releases it: the evaluation itself runs unlocked, so a slow one never blocks other threads.
        var set = Resolve(ruleSetName, asOf);
        if (set is null)
        {
            return new EvaluationResult
            {
                RuleSetName = ruleSetName,
                Version = 0,
                AsOf = asOf,
                InputError = $"no version of rule set '{ruleSetName}' is in force on {asOf:yyyy-MM-dd}",
            };
        }

        return Engine.Evaluate(set, facts, asOf, explain);
    }

    /// <summary>As <see cref="Evaluate(string, DateOnly, JsonElement, bool)"/>, with the facts as a JSON object node.</summary>
    public EvaluationResult Evaluate(string ruleSetName, DateOnly asOf, System.Text.Json.Nodes.JsonObject facts, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(facts);
        using var document = JsonDocument.Parse(facts.ToJsonString());
        return Evaluate(ruleSetName, asOf, document.RootElement, explain);
    }
}
