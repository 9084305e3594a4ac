using DigitalWallonia.Cli.Audit;
using DigitalWallonia.Cli.Certificates;
using DigitalWallonia.Cli.Companies;
using DigitalWallonia.Cli.Database;
using DigitalWallonia.Cli.Notifications;
using DigitalWallonia.Cli.Registers;
using DigitalWallonia.Cli.Rules;
using DigitalWallonia.Cli.Scheduling;
using DigitalWallonia.Cli.Workflows;

namespace DigitalWallonia.Cli;

/// <summary>The <c>dw</c> command: a table of command groups, each a static class in its capability folder.</summary>
public static class Dw
{
    private sealed record Group(string Name, string Summary, Func<CliArgs, CliConsole, CancellationToken, Task<int>> RunAsync);

    private static readonly Group[] Groups =
    [
        new("db", "database: migrate", DbCommands.RunAsync),
        new("audit", "audit trails: verify", AuditCommands.RunAsync),
        new("rules", "rule sets: check, eval, test, import, approve, publish, export", (a, c, ct) =>
            RulePublishingCommands.Handles(a.Verb) && !a.Has("help")
                ? RulePublishingCommands.RunAsync(a, c, ct)
                : Task.FromResult(RulesCommands.Run(a, c))),
        new("workflows", "workflow definitions: check, graph, publish, migrate", (a, c, ct) =>
            WorkflowPublishingCommands.Handles(a.Verb) && !a.Has("help")
                ? WorkflowPublishingCommands.RunAsync(a, c, ct)
                : Task.FromResult(WorkflowsCommands.Run(a, c))),
        new("templates", "notification and letter templates: check, preview", TemplatesCommands.RunAsync),
        new("outbox", "outgoing messages: list, resend", OutboxCommands.RunAsync),
        new("deadlines", "deadlines: list", DeadlinesCommands.RunAsync),
        new("certificates", "certificates: verify", CertificatesCommands.RunAsync),
        new("registers", "labelled providers, accredited professionals, labelled initiatives: list", RegistersCommands.RunAsync),
        new("companies", "company register (BCE/KBO open data): import", CompaniesCommands.RunAsync),
    ];

    /// <summary>Runs one command line; returns the process exit code (0 success, 1 failure, 2 usage error).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var console = new CliConsole(stdout, stderr);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintHelp(stdout);
            return args.Length == 0 ? 2 : 0;
        }

        var group = Groups.FirstOrDefault(g => g.Name == args[0]);
        if (group is null)
        {
            stderr.WriteLine($"dw: unknown command '{args[0]}'. Run 'dw --help' for the list of commands.");
            return 2;
        }

        if (args.Any(a => a.StartsWith("--Audit:Key", StringComparison.OrdinalIgnoreCase) && !a.StartsWith("--Audit:KeyFile", StringComparison.OrdinalIgnoreCase)))
        {
            // Still accepted (tests and one-off checks use it), but every user of the machine can read a command line.
            stderr.WriteLine("dw: warning: --Audit:Key on the command line shows the key in the process list and the shell history; "
                + "set Audit__Key in the environment or --Audit:KeyFile PATH (an owner-only file) instead.");
        }

        try
        {
            return await group.RunAsync(CliArgs.Parse(args[1..]), console, cancellationToken);
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine($"dw {group.Name}: {e.Message}");
            return 2;
        }
        catch (Platform.Audit.AuditKeyException e)
        {
            stderr.WriteLine($"dw {group.Name}: {e.Message}");
            return 1;
        }
    }

    private static void PrintHelp(TextWriter stdout)
    {
        stdout.WriteLine("dw — DigitalWallonia command line");
        stdout.WriteLine();
        stdout.WriteLine("Usage: dw <command> <subcommand> [arguments] [--options]");
        stdout.WriteLine();
        foreach (var g in Groups)
        {
            stdout.WriteLine($"  {g.Name,-10} {g.Summary}");
        }

        stdout.WriteLine();
        stdout.WriteLine("Database: the same as the web host — ./data/digitalwallonia.db (SQLite) unless");
        stdout.WriteLine("Database__Provider=Postgres (or SqlServer) and ConnectionStrings__Default are set in the environment.");
        stdout.WriteLine("Run 'dw <command> --help' for a command's subcommands.");
    }
}
