using System.Text;
using BenchmarkDotNet.Attributes;
using DigitalWallonia.Rules;
using DigitalWallonia.Rules.Evaluation;

namespace DigitalWallonia.Benchmarks;

/// <summary>
/// Evaluation of the 10-rule workload, 1,000 generated inputs per operation (so per-input figures are the reported
/// time / 1,000; rules per second = 10,000 / time). "FromJson" starts at the input string and ends with every rule's result.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private const int Batch = 1_000;
    private static readonly DateOnly AsOf = new(2025, 1, 1);
    private RuleEngine _engine = null!;
    private RuleSet _set = null!;
    private string[] _inputs = null!;
    private PreparedInput[] _prepared = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new RuleEngine();
        _set = RuleSetLoader.LoadText(Workload.RuleSetJson(), "eligibility-10.json").RuleSets[0];
        _inputs = Workload.Inputs(100_000)[..Batch];
        _prepared = _inputs.Select(i => _engine.Prepare(_set, Encoding.UTF8.GetBytes(i), out _)!).ToArray();
        // Warm the delegate cache: compilation is measured apart (CompileBenchmarks).
        _engine.Evaluate(_set, _inputs[0], AsOf);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "eval from JSON string (10 rules)")]
    public int FromJsonString()
    {
        var passed = 0;
        foreach (var input in _inputs)
        {
            passed += _engine.Evaluate(_set, input, AsOf).Results.Count;
        }

        return passed;
    }

    [Benchmark(OperationsPerInvoke = Batch, Baseline = true, Description = "eval from pre-parsed input, explanation off")]
    public int FromPreparedInput()
    {
        var passed = 0;
        foreach (var input in _prepared)
        {
            passed += RuleEngine.Run(input, AsOf, explain: false, DigitalWallonia.Rules.EvaluationLimits.Default).Results.Count;
        }

        return passed;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "eval from pre-parsed input, explanation on")]
    public int FromPreparedInputExplained()
    {
        var passed = 0;
        foreach (var input in _prepared)
        {
            passed += RuleEngine.Run(input, AsOf, explain: true, DigitalWallonia.Rules.EvaluationLimits.Default).Results.Count;
        }

        return passed;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "eval from pre-parsed input, explanation on and rendered (fr+en text of every rule)")]
    public int FromPreparedInputExplainedAndRendered()
    {
        var length = 0;
        foreach (var input in _prepared)
        {
            foreach (var r in RuleEngine.Run(input, AsOf, explain: true, DigitalWallonia.Rules.EvaluationLimits.Default).Results)
            {
                length += r.Explanation!.En.Length + r.Explanation.Fr.Length;
            }
        }

        return length;
    }
}
