using System.Diagnostics;
using System.Globalization;
using System.Text;
using DigitalWallonia.Rules;

namespace DigitalWallonia.Benchmarks;

/// <summary>
/// `--peer`: our engine and RulesEngine 6.0.1 on the same workload in one process, measured in alternating rounds so
/// that both see the same machine; prints each measure's best round, the ratios, and the time to the first result of a
/// fresh 1,000-rule set with unique expressions. A quick Stopwatch harness: PeerBenchmarks and FirstResultBenchmarks
/// measure the same under BenchmarkDotNet.
/// </summary>
internal static class PeerRun
{
    private const int Rounds = 3;
    private const string Workflow = "Grant10";
    private static readonly DateOnly AsOf = new(2025, 1, 1);

    public static void Run(int count)
    {
        var inputs = Workload.Inputs(count);
        var engine = new RuleEngine();
        var set = RuleSetLoader.LoadText(Workload.RuleSetJson(), "eligibility-10.json").RuleSets[0];
        var prepared = inputs.Select(i => engine.Prepare(set, Encoding.UTF8.GetBytes(i), out _)!).ToArray();
        var reference = PeerWorkload.Engine(Workload.RuleSetJson());
        var typed = inputs.Select(PeerWorkload.Typed).ToArray();

        var measures = new (string Name, Func<int> Pass)[]
        {
            ("RulesEngine, ExpandoObject from JSON", () => inputs.Sum(i => PeerWorkload.Run(reference, Workflow, PeerWorkload.FromJson(i)))),
            ("ours, from JSON string", () => inputs.Sum(i => engine.Evaluate(set, i, AsOf).Results.Count(r => r.IsSuccess))),
            ("RulesEngine, typed parameters", () => typed.Sum(i => PeerWorkload.RunTyped(reference, Workflow, i))),
            ("ours, pre-parsed input", () => prepared.Sum(p => RuleEngine.Run(p, AsOf, explain: false, DigitalWallonia.Rules.EvaluationLimits.Default).Results.Count(r => r.IsSuccess))),
        };
        var best = new (double Wall, double Cpu)[measures.Length];
        Array.Fill(best, (double.MaxValue, double.MaxValue));
        var successes = new int[measures.Length];
        var ratios = new List<(double Json, double Prepared)>();
        for (var round = 0; round <= Rounds; round++)
        {
            var times = new double[measures.Length];
            for (var m = 0; m < measures.Length; m++)
            {
                var (wall, cpu, passed) = Time(measures[m].Pass);
                successes[m] = passed;
                times[m] = wall;
                if (round > 0) // round 0 warms both engines up
                {
                    best[m] = (Math.Min(best[m].Wall, wall), Math.Min(best[m].Cpu, cpu));
                }
            }

            if (round > 0)
            {
                ratios.Add((times[0] / times[1], times[2] / times[3]));
            }
        }

        var rules = count * 10.0;
        Console.WriteLine($"{count:N0} inputs x 10 rules, best of {Rounds} alternating rounds (one round = every measure once):");
        for (var m = 0; m < measures.Length; m++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {measures[m].Name,-40} {rules / best[m].Wall / 1000:N2} M rules/s wall, {rules / best[m].Cpu / 1000:N2} M rules/s CPU, {successes[m]:N0} successes"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  speed-up from JSON (RulesEngine time / ours): {best[0].Wall / best[1].Wall:F1}x (rounds {string.Join(", ", ratios.Select(r => r.Json.ToString("F1", CultureInfo.InvariantCulture)))})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  speed-up prepared (RulesEngine typed / ours pre-parsed): {best[2].Wall / best[3].Wall:F1}x (rounds {string.Join(", ", ratios.Select(r => r.Prepared.ToString("F1", CultureInfo.InvariantCulture)))})"));

        var input = inputs[0];
        var salt = 0;
        Console.WriteLine("time to first result, fresh 1,000-rule set with unique expressions (load + compile + one evaluation):");
        for (var round = 1; round <= Rounds; round++)
        {
            var theirJson = Workload.UniqueRuleSetJson(1_000, ++salt);
            var theirs = Time(() => PeerWorkload.FirstResult(theirJson, "Unique", input));
            var ourJson = Workload.UniqueRuleSetJson(1_000, ++salt);
            var ours = Time(() => new RuleEngine().Evaluate(RuleSetLoader.LoadText(ourJson, "unique.json").RuleSets[0], input, AsOf).Results.Count(r => r.IsSuccess));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round}: RulesEngine {theirs.Wall:N0} ms wall ({theirs.Cpu:N0} ms CPU, {theirs.Passed} successes), ours {ours.Wall:N0} ms wall ({ours.Cpu:N0} ms CPU, {ours.Passed} successes), speed-up {theirs.Wall / ours.Wall:F1}x"));
        }
    }

    /// <summary>RulesEngine's rules per second (wall clock) on <paramref name="inputs"/>, from JSON and from typed parameters, after a warm-up pass.</summary>
    public static (double FromJson, double Typed) Reference(string[] inputs)
    {
        var reference = PeerWorkload.Engine(Workload.RuleSetJson());
        var typed = inputs.Select(PeerWorkload.Typed).ToArray();
        int FromJson() => inputs.Sum(i => PeerWorkload.Run(reference, Workflow, PeerWorkload.FromJson(i)));
        int Typed() => typed.Sum(i => PeerWorkload.RunTyped(reference, Workflow, i));
        FromJson();
        Typed();
        var rules = inputs.Length * 10.0;
        return (rules / Time(FromJson).Wall * 1000, rules / Time(Typed).Wall * 1000);
    }

    private static (double Wall, double Cpu, int Passed) Time(Func<int> pass)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var passed = pass();
        var wall = sw.Elapsed.TotalMilliseconds;
        return (wall, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds, passed);
    }
}
