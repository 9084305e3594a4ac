using BenchmarkDotNet.Attributes;
using DigitalWallonia.Rules;
using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Compilation;

namespace DigitalWallonia.Benchmarks;

/// <summary>
/// Compile of a 1,000-rule set: parsing, checking and an executable delegate for every rule (no lazy or interpreted
/// compilation), for the workload's input shape, in a warm process.
/// </summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private RuleSet _set = null!;
    private RType _shape = null!;

    [GlobalSetup]
    public void Setup()
    {
        _set = RuleSetLoader.LoadText(Workload.LargeRuleSetJson(1_000), "grant-1000.json").RuleSets[0];
        var input = Workload.Inputs(1)[0];
        using var doc = System.Text.Json.JsonDocument.Parse(input);
        _shape = ShapeInference.Infer(doc.RootElement);
    }

    [Benchmark(Description = "compile 1,000 rules")]
    public int Compile1000Rules()
    {
        var compiled = WorkflowCompiler.Compile(_set, _shape, out _);
        return compiled.Rules.Count(r => r.Predicate is not null);
    }
}
