using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Cli.Audit;

/// <summary><c>dw audit verify [REF]</c>: re-computes the audit chains and lists every break.</summary>
internal static class AuditCommands
{
    public static async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.WantsHelp)
        {
            console.Out.WriteLine("dw audit verify [REFERENCE] [--provider ...] [--connection ...]");
            console.Out.WriteLine("  Exit 0 when every trail (or the one dossier's) is intact; 1 with one line per problem otherwise.");
            return args.Verb is null ? 2 : 0;
        }

        if (args.Verb != "verify")
        {
            throw new CliUsageException($"unknown subcommand '{args.Verb}'; try 'dw audit --help'");
        }

        var reference = args.Operands.Count > 0 ? args.Operands[0] : null;
        await using var services = PlatformServices.Build(args);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var findings = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(db, reference, cancellationToken);
        foreach (var finding in findings)
        {
            console.Error.WriteLine(finding);
        }

        if (findings.Count == 0)
        {
            console.Out.WriteLine(reference is null ? "Every audit trail is intact." : $"The audit trail of {reference} is intact.");
            return 0;
        }

        return 1;
    }
}
