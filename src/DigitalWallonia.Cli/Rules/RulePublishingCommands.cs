using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.RuleSets;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Cli.Rules;

/// <summary>
/// <c>dw rules import|approve|publish|export</c>: the rule sets in the database, under the studio's rules (a draft is
/// approved by a second officer, never its author, and published only once approved with passing tests).
/// </summary>
internal static class RulePublishingCommands
{
    public static bool Handles(string? verb) => verb is "import" or "approve" or "publish" or "export";

    public static async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        await using var services = PlatformServices.Build(args);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await scope.ServiceProvider.GetRequiredService<RuleSetCatalogue>().SeedAsync(db, cancellationToken);
        var drafts = scope.ServiceProvider.GetRequiredService<RuleSetDrafts>();
        var by = args.Option("by") ?? Environment.UserName;
        switch (args.Verb)
        {
            case "export":
                var folder = args.Operands.Count == 1 ? args.Operands[0] : throw new CliUsageException("export needs one FOLDER");
                console.Out.WriteLine($"{await RuleSetCatalogue.ExportAsync(db, folder, cancellationToken)} file(s) written under {folder}");
                return 0;
            case "import":
                return await ImportAsync(args, console, drafts, by, cancellationToken);
            default:
                var id = args.Operands.Count == 1 && long.TryParse(args.Operands[0], out var n) ? n : throw new CliUsageException($"{args.Verb} needs a DRAFT number");
                var outcome = args.Verb == "approve"
                    ? await drafts.ApproveAsync(id, by, cancellationToken)
                    : await drafts.PublishAsync(id, by, cancellationToken);
                return Report(console, outcome, args.Verb == "approve" ? $"draft {id} approved by {by}" : $"draft {id} published by {by}");
        }
    }

    private static async Task<int> ImportAsync(CliArgs args, CliConsole console, RuleSetDrafts drafts, string by, CancellationToken cancellationToken)
    {
        if (args.Operands.Count == 0)
        {
            throw new CliUsageException("import needs at least one FILE");
        }

        var failed = false;
        foreach (var file in args.Operands)
        {
            // The path under rules/ it will be published as: its programme folder and its name.
            var path = $"{Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)))}/{Path.GetFileName(file)}";
            var source = await File.ReadAllTextAsync(file, cancellationToken);
            var draft = await drafts.CreateAsync(path, source, by, cancellationToken);
            var check = await drafts.CheckAsync(source, path, cancellationToken);
            foreach (var d in check.Diagnostics)
            {
                console.Error.WriteLine($"{file}:{d.Line}:{d.Column}: {d.Code} {d.Message}");
            }

            foreach (var t in check.Tests.Where(t => t.Failures.Count > 0))
            {
                console.Error.WriteLine($"{file}: test '{t.Name}' fails: {string.Join("; ", t.Failures)}");
            }

            failed |= !check.Passed;
            console.Out.WriteLine($"{file}: draft {draft.Id} ({path}){(check.Passed ? "" : ", not publishable yet")}");
        }

        return failed ? 1 : 0;
    }

    private static int Report(CliConsole console, RuleSetOutcome outcome, string done)
    {
        if (outcome.Succeeded)
        {
            console.Out.WriteLine(done);
            return 0;
        }

        console.Error.WriteLine(outcome.Error);
        foreach (var d in outcome.Check?.Diagnostics ?? [])
        {
            console.Error.WriteLine(d.ToString());
        }

        return 1;
    }
}
