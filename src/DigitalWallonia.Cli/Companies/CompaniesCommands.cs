using System.Globalization;
using DigitalWallonia.Platform.Companies;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Cli.Companies;

/// <summary><c>dw companies import FOLDER</c>: loads a BCE/KBO open-data extract into the company register.</summary>
internal static class CompaniesCommands
{
    public static async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.WantsHelp)
        {
            console.Out.WriteLine("dw companies import FOLDER [--provider ...] [--connection ...]");
            console.Out.WriteLine("  Imports one unzipped BCE/KBO open-data extract (meta.csv, code.csv, enterprise.csv, establishment.csv,");
            console.Out.WriteLine("  denomination.csv, address.csv, activity.csv; an update extract's X_delete.csv and X_insert.csv) into the");
            console.Out.WriteLine("  company register. An extract already imported changes nothing. Rows that cannot be applied are listed");
            console.Out.WriteLine("  with their file and line and counted; the exit code is then 1, the rest being imported.");
            return args.Verb is null ? 2 : 0;
        }

        if (args.Verb != "import")
        {
            throw new CliUsageException($"unknown subcommand '{args.Verb}'; try 'dw companies --help'");
        }

        var folder = args.Operands.Count == 1 ? args.Operands[0] : throw new CliUsageException("name one extract folder: dw companies import FOLDER");
        await using var services = PlatformServices.Build(args);
        await using var scope = services.CreateAsyncScope();
        CompanyImportReport report;
        try
        {
            report = await scope.ServiceProvider.GetRequiredService<CompanyRegisterImport>().ImportAsync(folder, cancellationToken);
        }
        catch (Exception e) when (e is FormatException or DirectoryNotFoundException or IOException)
        {
            console.Error.WriteLine($"dw companies import: {e.Message} Nothing was imported.");
            return 1;
        }

        var extract = string.Create(CultureInfo.InvariantCulture, $"{report.ExtractType} extract {report.ExtractNumber} of {report.SnapshotDate:yyyy-MM-dd}");
        if (report.AlreadyImported)
        {
            console.Out.WriteLine($"The {extract} is already in the register; nothing changed.");
            return 0;
        }

        foreach (var warning in report.Warnings)
        {
            console.Error.WriteLine($"warning: {warning}");
        }

        foreach (var error in report.Errors)
        {
            console.Error.WriteLine($"error: {error}");
        }

        var applied = string.Join(", ", report.Applied.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Value} {a.Key}"));
        console.Out.WriteLine($"Imported the {extract}: {(applied.Length == 0 ? "no rows" : applied)}; {report.EnterprisesStopped} enterprise(s) stopped; {report.Errors.Count} row(s) not applied.");
        return report.Errors.Count == 0 ? 0 : 1;
    }
}
