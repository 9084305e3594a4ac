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
            console.Out.WriteLine("  Checks the dossiers' hash chains, the checkpoint chain that seals their heads, and that each dossier's state,");
            console.Out.WriteLine("  decisions and instalments are the ones its trail records. A clean run over all dossiers takes a new checkpoint.");
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
        var (findings, chain) = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyWithChainAsync(db, reference, cancellationToken);
        foreach (var finding in findings)
        {
            console.Error.WriteLine(finding);
        }

        if (findings.Count > 0)
        {
            return 1;
        }

        console.Out.WriteLine(reference is null ? "Every audit trail is intact." : $"The audit trail of {reference} is intact.");
        // Only an intact database is sealed: a checkpoint taken over a tampered one would vouch for it.
        var latest = reference is null
            ? await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().TakeAsync(db, cancellationToken) ?? chain.Latest
            : chain.Latest;
        console.Out.WriteLine(latest is null
            ? "No audit checkpoint yet."
            : $"Latest checkpoint: {latest.Sequence} at {latest.TakenAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, MAC {latest.Mac} (keep it outside the database: removing the newest checkpoints is only seen against a copy).");
        return 0;
    }
}
