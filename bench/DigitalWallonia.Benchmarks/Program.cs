using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Running;
using DigitalWallonia.Benchmarks;
using DigitalWallonia.Rules;
using DigitalWallonia.Rules.Binding;
using DigitalWallonia.Rules.Compilation;

// `--peer [N]` compares our engine with RulesEngine 6.0.1 on N inputs (default 20,000) in one process (PeerRun).
if (args.Contains("--peer"))
{
    var at = Array.IndexOf(args, "--peer");
    PeerRun.Run(at + 1 < args.Length && int.TryParse(args[at + 1], out var n) ? n : 20_000);
    return;
}

// `--smoke` runs a quick Stopwatch pass (no BenchmarkDotNet) to sanity-check numbers during development;
// everything else goes to BenchmarkDotNet, e.g. `-- --filter '*' --job short`.
if (args.Contains("--smoke"))
{
    var engine = new RuleEngine();
    var set = RuleSetLoader.LoadText(Workload.RuleSetJson()).RuleSets[0];
    var inputs = Workload.Inputs(100_000);
    var asOf = new DateOnly(2025, 1, 1);
    var passed = 0;
    foreach (var i in inputs)
    {
        passed += engine.Evaluate(set, i, asOf).Results.Count(r => r.IsSuccess);
    }

    static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    var sw = Stopwatch.StartNew();
    var cpu = Cpu();
    var rules = 0;
    foreach (var i in inputs)
    {
        rules += engine.Evaluate(set, i, asOf).Results.Count;
    }

    var oursFromJson = rules / sw.Elapsed.TotalSeconds;
    Console.WriteLine($"from JSON: {oursFromJson:N0} rules/s wall, {rules / (Cpu() - cpu) * 1000:N0} rules/s CPU");
    var prepared = inputs.Select(i => engine.Prepare(set, Encoding.UTF8.GetBytes(i), out _)!).ToArray();
    var oursPrepared = 0.0;
    foreach (var explain in new[] { false, true })
    {
        sw.Restart();
        cpu = Cpu();
        rules = 0;
        foreach (var p in prepared)
        {
            rules += RuleEngine.Run(p, asOf, explain, DigitalWallonia.Rules.EvaluationLimits.Default).Results.Count;
        }

        oursPrepared = explain ? oursPrepared : rules / sw.Elapsed.TotalSeconds;
        Console.WriteLine($"pre-parsed, explain={explain}: {rules / sw.Elapsed.TotalSeconds:N0} rules/s wall, {rules / (Cpu() - cpu) * 1000:N0} rules/s CPU");
    }

    sw.Restart();
    cpu = Cpu();
    rules = 0;
    foreach (var p in prepared)
    {
        foreach (var r in RuleEngine.Run(p, asOf, true, DigitalWallonia.Rules.EvaluationLimits.Default).Results)
        {
            rules += r.Explanation!.En.Length > 0 ? 1 : 0;
        }
    }

    Console.WriteLine($"pre-parsed, explain rendered: {rules / sw.Elapsed.TotalSeconds:N0} rules/s wall, {rules / (Cpu() - cpu) * 1000:N0} rules/s CPU");
    var big = RuleSetLoader.LoadText(Workload.LargeRuleSetJson(1000)).RuleSets[0];
    using var doc = System.Text.Json.JsonDocument.Parse(inputs[0]);
    var shape = ShapeInference.Infer(doc.RootElement);
    WorkflowCompiler.Compile(big, shape, out IReadOnlyList<Diagnostic> _);
    var bestWall = double.MaxValue;
    var bestCpu = double.MaxValue;
    for (var round = 0; round < 5; round++)
    {
        sw.Restart();
        cpu = Cpu();
        WorkflowCompiler.Compile(big, shape, out IReadOnlyList<Diagnostic> _);
        bestWall = Math.Min(bestWall, sw.Elapsed.TotalMilliseconds);
        bestCpu = Math.Min(bestCpu, Cpu() - cpu);
    }

    Console.WriteLine($"compile 1,000 rules (warm, best of 5): {bestWall:F1} ms wall, {bestCpu:F1} ms CPU; {passed} successes in warm-up");

    // The same run's reference (docs/benchmarks.md): RulesEngine 6.0.1 on the first 20,000 of the same inputs.
    var (referenceFromJson, referenceTyped) = PeerRun.Reference(inputs[..20_000]);
    Console.WriteLine($"reference RulesEngine 6.0.1: from JSON (ExpandoObject) {referenceFromJson:N0} rules/s wall, typed parameters {referenceTyped:N0} rules/s wall");
    Console.WriteLine($"speed-up over RulesEngine (rules/s ratio): from JSON {oursFromJson / referenceFromJson:F1}x, pre-parsed vs typed parameters {oursPrepared / referenceTyped:F1}x");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EvaluationBenchmarks).Assembly).Run(args);
