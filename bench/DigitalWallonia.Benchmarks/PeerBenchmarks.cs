using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DigitalWallonia.Rules;
using DigitalWallonia.Rules.Evaluation;
using RulesEngine.Models;

namespace DigitalWallonia.Benchmarks;

/// <summary>
/// Our engine and RulesEngine 6.0.1 side by side on the same workload, 1,000 inputs per operation, in one run, so the
/// ratios hold whatever the machine's load. Two categories, each with RulesEngine as its baseline: from the JSON string
/// (RulesEngine through ExpandoObject; ours projecting the string) and from inputs prepared beforehand (RulesEngine
/// with typed parameters; ours with a projected input).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PeerBenchmarks
{
    private const int Batch = 1_000;
    private const string Workflow = "Grant10";
    private static readonly DateOnly AsOf = new(2025, 1, 1);
    private RuleEngine _engine = null!;
    private RuleSet _set = null!;
    private string[] _inputs = null!;
    private PreparedInput[] _prepared = null!;
    private RulesEngine.RulesEngine _reference = null!;
    private (PeerWorkload.Company, PeerWorkload.Application)[] _typed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new RuleEngine();
        _set = RuleSetLoader.LoadText(Workload.RuleSetJson(), "eligibility-10.json").RuleSets[0];
        _inputs = Workload.Inputs(Batch);
        _prepared = _inputs.Select(i => _engine.Prepare(_set, Encoding.UTF8.GetBytes(i), out _)!).ToArray();
        _reference = PeerWorkload.Engine(Workload.RuleSetJson());
        _typed = _inputs.Select(PeerWorkload.Typed).ToArray();
        // Warm both engines' caches for both input types: compilation is measured apart.
        _engine.Evaluate(_set, _inputs[0], AsOf);
        PeerWorkload.Run(_reference, Workflow, PeerWorkload.FromJson(_inputs[0]));
        PeerWorkload.RunTyped(_reference, Workflow, _typed[0]);
    }

    [BenchmarkCategory("from JSON string"), Benchmark(OperationsPerInvoke = Batch, Baseline = true, Description = "RulesEngine, ExpandoObject from JSON")]
    public int RulesEngineFromJson()
    {
        var passed = 0;
        foreach (var input in _inputs)
        {
            passed += PeerWorkload.Run(_reference, Workflow, PeerWorkload.FromJson(input));
        }

        return passed;
    }

    [BenchmarkCategory("from JSON string"), Benchmark(OperationsPerInvoke = Batch, Description = "ours, from JSON string")]
    public int OursFromJson()
    {
        var passed = 0;
        foreach (var input in _inputs)
        {
            passed += _engine.Evaluate(_set, input, AsOf).Results.Count(r => r.IsSuccess);
        }

        return passed;
    }

    [BenchmarkCategory("prepared input"), Benchmark(OperationsPerInvoke = Batch, Baseline = true, Description = "RulesEngine, typed parameters")]
    public int RulesEngineTyped()
    {
        var passed = 0;
        foreach (var input in _typed)
        {
            passed += PeerWorkload.RunTyped(_reference, Workflow, input);
        }

        return passed;
    }

    [BenchmarkCategory("prepared input"), Benchmark(OperationsPerInvoke = Batch, Description = "ours, pre-parsed input")]
    public int OursPrepared()
    {
        var passed = 0;
        foreach (var input in _prepared)
        {
            passed += RuleEngine.Run(input, AsOf, explain: false, DigitalWallonia.Rules.EvaluationLimits.Default).Results.Count(r => r.IsSuccess);
        }

        return passed;
    }
}

/// <summary>
/// Time to the first result of a fresh 1,000-rule set with unique expressions: load, compile and evaluate one input,
/// for each engine. Every invocation gets a rule set never seen before (a new salt), so nothing is cached; the JIT of
/// the new code is part of what is measured.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class FirstResultBenchmarks
{
    private const int Rules = 1_000;
    private static int _salt;
    private string _input = null!;
    private string _json = null!;

    [GlobalSetup]
    public void Setup() => _input = Workload.Inputs(1)[0];

    [IterationSetup]
    public void FreshRuleSet() => _json = Workload.UniqueRuleSetJson(Rules, Interlocked.Increment(ref _salt));

    [Benchmark(Baseline = true, Description = "RulesEngine: fresh 1,000 unique rules, first result")]
    public int RulesEngineFirstResult() => PeerWorkload.FirstResult(_json, "Unique", _input);

    [Benchmark(Description = "ours: fresh 1,000 unique rules, first result")]
    public int OursFirstResult()
    {
        var set = RuleSetLoader.LoadText(_json, "unique.json").RuleSets[0];
        return new RuleEngine().Evaluate(set, _input, new DateOnly(2025, 1, 1)).Results.Count(r => r.IsSuccess);
    }
}
