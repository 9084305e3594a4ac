using M = DigitalWallonia.Rules.Syntax.DiagnosticMessages;

namespace DigitalWallonia.Rules.Model;

/// <summary>
/// Resolves the names one workflow uses to reach another, within the file they were read from: <c>WorkflowsToInject</c>
/// (done here, once: the injected rules are appended to the workflow, so a published version never changes meaning
/// when another workflow is edited later) and <c>EvaluateRule</c> targets (checked here, run by name and date at
/// evaluation). Unknown names and cycles are positioned diagnostics; linking never throws and always terminates.
/// </summary>
internal sealed class RuleSetLinker
{
    private readonly string _path;
    private readonly List<Diagnostic> _diagnostics;
    private readonly RuleSetFile _raw = new();
    private readonly HashSet<(int, int, string)> _reported = [];

    private RuleSetLinker(string path, List<Diagnostic> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    /// <summary>The file's workflows with injected rules appended, sharing one <see cref="RuleSetFile"/>.</summary>
    public static List<RuleSet> Link(IReadOnlyList<RuleSet> sets, string path, List<Diagnostic> diagnostics)
    {
        var linker = new RuleSetLinker(path, diagnostics);
        linker._raw.Add(sets);
        var file = new RuleSetFile();
        var linked = sets.Select(s => s with { Rules = linker.Inject(s), LoadedWith = file }).ToList();
        file.Add(linked);
        linker.CheckRuleCalls(linked);
        return linked;
    }

    private void Report(SourceNode? node, string code, string message, string? rule = null)
    {
        var (line, col) = node?.Position ?? (0, 0);
        if (!_reported.Add((line, col, message)))
        {
            return;
        }

        _diagnostics.Add(new Diagnostic(code, message, line, col) { File = _path, RuleName = rule });
    }

    /// <summary>
    /// The host's rules followed by those of each injected workflow, in list order, as RulesEngine concatenates them.
    /// The injected version is the one in force on the host's ValidFrom (the latest one when the host has none).
    /// </summary>
    private List<RuleDefinition> Inject(RuleSet host)
    {
        var rules = host.Rules.ToList();
        if (host.WorkflowsToInject.Count == 0)
        {
            return rules;
        }

        var names = rules.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var asOf = host.ValidFrom ?? DateOnly.MaxValue;
        foreach (var rule in Collect(host, asOf, [host.Name]))
        {
            if (!names.Add(rule.Rule.Name))
            {
                Report(rule.Entry, M.DuplicateName, M.Format(M.InjectedDuplicateText, rule.Rule.Name, rule.From, host.Name), rule.Rule.Name);
                continue;
            }

            rules.Add(rule.Rule);
        }

        return rules;
    }

    /// <summary>The rules <paramref name="set"/> injects, depth first; <paramref name="path"/> holds the workflows being injected.</summary>
    private IEnumerable<(RuleDefinition Rule, string From, SourceNode? Entry)> Collect(RuleSet set, DateOnly asOf, List<string> path)
    {
        var entries = set.Node?.Get("WorkflowsToInject")?.Items;
        for (var i = 0; i < set.WorkflowsToInject.Count; i++)
        {
            var name = set.WorkflowsToInject[i];
            var entry = entries is not null && i < entries.Count ? entries[i] : set.Node;
            if (path.Contains(name, StringComparer.Ordinal))
            {
                Report(entry, M.ReferenceCycle, M.Format(M.InjectionCycleText, name, string.Join(" → ", path.SkipWhile(p => p != name).Append(name))));
                continue;
            }

            var injected = _raw.Resolve(name, asOf);
            if (injected is null)
            {
                var when = asOf == DateOnly.MaxValue ? "any date" : asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                Report(entry, M.UnknownReference, M.Format(M.UnknownInjectedWorkflowText, name, when));
                continue;
            }

            foreach (var r in injected.Rules)
            {
                yield return (r, injected.Name, entry);
            }

            path.Add(name);
            foreach (var nested in Collect(injected, asOf, path))
            {
                yield return nested;
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>
    /// Every EvaluateRule action must name an enabled top-level rule of a workflow of the file, and no chain of them may
    /// come back to where it started: an evaluation always ends (a run also stops at <see cref="Evaluation.WorkflowRun.MaxRuleCallDepth"/>).
    /// </summary>
    private void CheckRuleCalls(List<RuleSet> sets)
    {
        var calls = new Dictionary<string, List<(string Target, ActionDefinition Action)>>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            foreach (var top in set.Rules)
            {
                foreach (var action in Actions(top))
                {
                    var context = action.Node?.Get("Context");
                    var targets = sets.Where(s => s.Name == action.WorkflowName).ToList();
                    if (targets.Count == 0)
                    {
                        Report(context?.Get("WorkflowName") ?? action.Node, M.UnknownReference, M.Format(M.UnknownTargetWorkflowText, action.WorkflowName), top.Name);
                        continue;
                    }

                    if (!targets.Exists(t => t.Rules.Any(r => r.Enabled && r.Name == action.RuleName)))
                    {
                        Report(context?.Get("RuleName") ?? action.Node, M.UnknownReference, M.Format(M.UnknownTargetRuleText, action.WorkflowName, action.RuleName), top.Name);
                        continue;
                    }

                    var key = Key(set.Name, top.Name);
                    if (!calls.TryGetValue(key, out var list))
                    {
                        calls[key] = list = [];
                    }

                    list.Add((Key(action.WorkflowName!, action.RuleName!), action)); // an EvaluateRule action always has both names.
                }
            }
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in calls.Keys)
        {
            FindCycles(start, calls, [], done);
        }
    }

    private void FindCycles(string at, Dictionary<string, List<(string Target, ActionDefinition Action)>> calls, List<string> path, HashSet<string> done)
    {
        if (done.Contains(at) || !calls.TryGetValue(at, out var edges))
        {
            return;
        }

        path.Add(at);
        foreach (var (target, action) in edges)
        {
            var back = path.IndexOf(target);
            if (back >= 0)
            {
                var cycle = string.Join(" → ", path.Skip(back).Append(target).Select(k => k.Replace('\0', '.')));
                Report(action.Node, M.ReferenceCycle, M.Format(M.RuleCallCycleText, cycle));
            }
            else
            {
                FindCycles(target, calls, path, done);
            }
        }

        path.RemoveAt(path.Count - 1);
        done.Add(at);
    }

    private static string Key(string workflow, string rule) => workflow + "\0" + rule;

    /// <summary>The EvaluateRule actions of a rule and its nested rules: they run when the top-level rule is evaluated.</summary>
    private static IEnumerable<ActionDefinition> Actions(RuleDefinition rule)
    {
        foreach (var a in new[] { rule.OnSuccess, rule.OnFailure })
        {
            if (a is { IsEvaluateRule: true })
            {
                yield return a;
            }
        }

        foreach (var a in rule.Rules.SelectMany(Actions))
        {
            yield return a;
        }
    }
}
