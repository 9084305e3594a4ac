using System.Globalization;
using System.Text.Json.Nodes;
using DigitalWallonia.Rules;

namespace DigitalWallonia.Cli.Rules;

/// <summary><c>dw rules check|eval|test</c> on files (the database ones are in <see cref="RulePublishingCommands"/>): the contract tools rely on is in docs/rules.md.</summary>
internal static class RulesCommands
{
    public static int Run(CliArgs args, CliConsole console)
    {
        if (args.WantsHelp)
        {
            console.Out.WriteLine("Usage: dw rules check FILE...");
            console.Out.WriteLine("       dw rules eval FILE --input INPUT.json [--workflow NAME] [--at YYYY-MM-DD] [--explain]");
            console.Out.WriteLine("       dw rules test FILE...");
            console.Out.WriteLine("       dw rules import FILE... [--by USER]      (drafts in the database)");
            console.Out.WriteLine("       dw rules approve DRAFT [--by USER]       (a second officer, never the author)");
            console.Out.WriteLine("       dw rules publish DRAFT [--by USER]       (approved, tests passing)");
            console.Out.WriteLine("       dw rules export FOLDER                   (published files, byte for byte)");
            return 0;
        }

        return args.Verb switch
        {
            "check" => Check(args, console),
            "eval" => Eval(args, console),
            "test" => Test(args, console),
            _ => throw new CliUsageException($"unknown subcommand '{args.Verb}'; use check, eval or test"),
        };
    }

    private static int Check(CliArgs args, CliConsole console)
    {
        if (args.Operands.Count == 0)
        {
            throw new CliUsageException("check needs at least one FILE");
        }

        var engine = new RuleEngine();
        var errors = 0;
        foreach (var file in args.Operands)
        {
            var loaded = RuleSetLoader.LoadFile(file);
            var diagnostics = loaded.Diagnostics.Concat(loaded.RuleSets.SelectMany(engine.Check)).ToList();
            var registry = new RuleSetRegistry(engine);
            foreach (var set in loaded.RuleSets)
            {
                diagnostics.AddRange(registry.Add(set));
            }

            // A rule injected into another workflow is checked in both; its problems are printed once.
            foreach (var d in diagnostics.DistinctBy(d => (d.File, d.Line, d.Column, d.Code, d.Message)).OrderBy(d => d.Line).ThenBy(d => d.Column))
            {
                console.Error.WriteLine($"{d.File ?? file}:{d.Line}:{d.Column}: {d.Code} {d.Message}");
                errors++;
            }
        }

        return errors == 0 ? 0 : 1;
    }

    private static DateOnly AsOf(CliArgs args)
    {
        var at = args.Option("at");
        if (at is null)
        {
            return Platform.Scheduling.DeadlinePlanner.LegalDate(TimeProvider.System.GetUtcNow());
        }

        return DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new CliUsageException($"--at '{at}' is not a date; write YYYY-MM-DD");
    }

    private static int Eval(CliArgs args, CliConsole console)
    {
        if (args.Operands.Count != 1 || args.Option("input") is not { } inputPath)
        {
            throw new CliUsageException("eval needs FILE and --input INPUT.json");
        }

        var file = args.Operands[0];
        var asOf = AsOf(args);
        var loaded = RuleSetLoader.LoadFile(file);
        if (!loaded.IsStructurallyValid)
        {
            foreach (var d in loaded.Diagnostics)
            {
                console.Error.WriteLine($"{d.File ?? file}:{d.Line}:{d.Column}: {d.Code} {d.Message}");
            }

            return 1;
        }

        string input;
        try
        {
            input = File.ReadAllText(inputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"{inputPath}: {e.Message}");
            return 1;
        }

        var engine = new RuleEngine();
        var registry = new RuleSetRegistry(engine);
        foreach (var set in loaded.RuleSets)
        {
            registry.Add(set);
        }

        var workflow = args.Option("workflow");
        var names = loaded.RuleSets.Select(s => s.Name).Distinct(StringComparer.Ordinal).Where(n => workflow is null || n == workflow).ToList();
        if (names.Count == 0)
        {
            console.Error.WriteLine($"{file}: no workflow named '{workflow}'");
            return 1;
        }

        var lines = new List<string>();
        foreach (var name in names)
        {
            // Several versions of one rule set in a file: the one in force at --at runs.
            var set = registry.Resolve(name, asOf) ?? loaded.RuleSets.First(s => s.Name == name);
            var result = engine.Evaluate(set, input, asOf, args.Has("explain"));
            if (result.InputError is not null)
            {
                console.Error.WriteLine($"{inputPath}: {result.InputError}");
                return 1;
            }

            lines.AddRange(result.Results.Select(r => RuleResultJson.Line(name, r, args.Has("explain"))));
        }

        foreach (var line in lines)
        {
            console.Out.WriteLine(line);
        }

        return 0;
    }

    private static int Test(CliArgs args, CliConsole console)
    {
        if (args.Operands.Count == 0)
        {
            throw new CliUsageException("test needs at least one FILE");
        }

        var engine = new RuleEngine();
        int passed = 0, failed = 0;
        foreach (var file in args.Operands)
        {
            var loaded = RuleSetLoader.LoadFile(file);
            foreach (var d in loaded.Diagnostics)
            {
                console.Error.WriteLine($"{d.File ?? file}:{d.Line}:{d.Column}: {d.Code} {d.Message}");
                failed++;
            }

            foreach (var set in loaded.RuleSets)
            {
                foreach (var outcome in RuleSetTests.Run(engine, set))
                {
                    if (outcome.Failures.Count == 0)
                    {
                        passed++;
                        console.Out.WriteLine($"PASS {set.Name} v{set.Version} / {outcome.Name}");
                    }
                    else
                    {
                        failed++;
                        console.Out.WriteLine($"FAIL {set.Name} v{set.Version} / {outcome.Name}");
                        foreach (var f in outcome.Failures)
                        {
                            console.Out.WriteLine("     " + f);
                        }
                    }
                }
            }
        }

        console.Out.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
