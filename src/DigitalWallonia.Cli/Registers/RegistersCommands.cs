using System.Globalization;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Cli.Registers;

/// <summary><c>dw registers list NAME [--at DATE] [--all]</c>: who is labelled, listed or accredited on a day.</summary>
internal static class RegistersCommands
{
    public static async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.WantsHelp)
        {
            console.Out.WriteLine("dw registers list NAME [--at YYYY-MM-DD] [--all] [--provider ...] [--connection ...]");
            console.Out.WriteLine("  The registrations in force on a day (today, Brussels time, by default) of a register kept by a workflow:");
            console.Out.WriteLine("  provider (labelled providers), cyber-professional (accredited professionals), label (Digital Wallonia");
            console.Out.WriteLine("  label). --all also shows registrations not in force that day (applications, expired, withdrawn).");
            return args.Verb is null ? 2 : 0;
        }

        if (args.Verb != "list")
        {
            throw new CliUsageException($"unknown subcommand '{args.Verb}'; try 'dw registers --help'");
        }

        var name = args.Operands.Count == 1 ? args.Operands[0] : throw new CliUsageException("name one register: dw registers list NAME");
        await using var services = PlatformServices.Build(args);
        var known = services.GetRequiredService<IOptions<RegisterOptions>>().Value.Registers;
        if (!known.ContainsKey(name))
        {
            throw new CliUsageException($"no register named '{name}'; known: {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}");
        }

        var asOf = args.Option("at") is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day : throw new CliUsageException($"--at '{text}' is not a date (yyyy-MM-dd)")
            : DeadlinePlanner.LegalDate(services.GetRequiredService<TimeProvider>().GetUtcNow());
        await using var scope = services.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<Registrations>().ListAsync(name, asOf, cancellationToken);
        var shown = args.Has("all") ? all : [.. all.Where(r => r.InForce)];
        var on = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (shown.Count == 0)
        {
            console.Out.WriteLine($"No registration of '{name}' {(args.Has("all") ? "at all" : $"in force on {on}")}.");
            return 0;
        }

        console.Out.WriteLine($"Register '{name}' on {on}: {all.Count(r => r.InForce)} in force{(args.Has("all") ? $", {all.Count} in all" : "")}.");
        console.Out.WriteLine($"{"IN FORCE",-9} {"ENTERPRISE",-13} {"NAME",-34} {"DOSSIER",-28} {"STATE",-16} VALID UNTIL");
        foreach (var r in shown.OrderBy(r => r.PartyName, StringComparer.CurrentCulture))
        {
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(r.InForce ? "yes" : "no"),-9} {r.EnterpriseNumber ?? "-",-13} {Cut(r.PartyName, 34),-34} {r.Reference,-28} {r.State,-16} {r.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}"));
        }

        return 0;
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");
}
