using System.Globalization;
using DigitalWallonia.Platform.Certificates;
using DigitalWallonia.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Cli.Certificates;

/// <summary><c>dw certificates verify NUMBER [--at DATE]</c>: what a certificate says and whether it still holds.</summary>
internal static class CertificatesCommands
{
    public static async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.WantsHelp)
        {
            console.Out.WriteLine("dw certificates verify NUMBER [--at yyyy-MM-dd] [--provider ...] [--connection ...]");
            console.Out.WriteLine("  Prints the holder, the dates and the status (valid, expired, withdrawn, altered) of a certificate, as of");
            console.Out.WriteLine("  today in Brussels or --at. Exit 0 when it is valid, 1 otherwise (unknown number included).");
            return args.Verb is null ? 2 : 0;
        }

        if (args.Verb != "verify")
        {
            throw new CliUsageException($"unknown subcommand '{args.Verb}'; try 'dw certificates --help'");
        }

        if (args.Operands.Count != 1)
        {
            throw new CliUsageException("give one certificate number, e.g. 'dw certificates verify CERT-CYBER-2026-000001'");
        }

        DateOnly? at = args.Option("at") is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
                : throw new CliUsageException($"--at '{text}' is not a date (yyyy-MM-dd)")
            : null;
        var number = args.Operands[0].Trim();
        await using var services = PlatformServices.Build(args);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var check = await scope.ServiceProvider.GetRequiredService<CertificateVerifier>().VerifyAsync(db, number, at, cancellationToken);
        if (check is null)
        {
            console.Error.WriteLine($"No certificate has the number '{number}'.");
            return 1;
        }

        var c = check.Certificate;
        var o = console.Out;
        o.WriteLine($"Certificate  {c.Number}");
        o.WriteLine($"Holder       {check.HolderName}{(check.HolderEnterpriseNumber is { } n ? $" (BE {n})" : "")}");
        if (check.ProfessionalName is { } professional)
        {
            o.WriteLine($"Awarded by   {professional} (accredited professional)");
        }

        o.WriteLine($"Dossier      {check.DossierReference}");
        o.WriteLine($"Issued on    {Day(c.IssuedOn)} (timestamp {c.IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)})");
        o.WriteLine($"Valid until  {Day(c.ExpiresOn)}");
        o.WriteLine($"Content      SHA-256 {c.ContentSha256}");
        if (c.WithdrawnOn is { } withdrawn)
        {
            o.WriteLine($"Withdrawn on {Day(withdrawn)}");
        }

        if (check.SupersededBy is { } renewal)
        {
            o.WriteLine($"Renewed by   {renewal}");
        }

        o.WriteLine($"Status       {Describe(check)} (checked as of {Day(check.CheckedOn)})");
        foreach (var problem in check.Problems)
        {
            console.Error.WriteLine($"{c.Number}: {problem}");
        }

        return check.IsValid ? 0 : 1;
    }

    private static string Describe(CertificateCheck check) => check.Status switch
    {
        CertificateStatus.Valid => "valid",
        CertificateStatus.Expired => $"expired (its last day was {Day(check.Certificate.ExpiresOn)})",
        CertificateStatus.Withdrawn => "withdrawn",
        _ => "content altered: the certificate does not match what was issued",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
