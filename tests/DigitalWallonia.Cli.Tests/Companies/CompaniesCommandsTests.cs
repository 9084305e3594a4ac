using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Companies;
using DigitalWallonia.Platform.Tests.Support;

namespace DigitalWallonia.Cli.Tests.Companies;

public class CompaniesCommandsTests
{
    [Fact]
    public async Task Companies_import_reports_what_it_applied_lists_each_row_it_could_not_and_is_idempotent()
    {
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite);
        string[] connection = ["--connection", platform.Database.ConnectionString];

        var full = await DwTests.RunAsync(["companies", "import", CompanyExtracts.Full140, .. connection]);
        var update = await DwTests.RunAsync(["companies", "import", CompanyExtracts.Update141, .. connection]);
        var again = await DwTests.RunAsync(["companies", "import", CompanyExtracts.Update141, .. connection]);

        Assert.Equal(0, full.Code);
        Assert.Contains("Imported the full extract 140 of 2026-03-01: 12 activity, 20 address, 12 code, 10 denomination, 10 enterprise, 10 establishment; 0 enterprise(s) stopped; 0 row(s) not applied.", full.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, update.Code);
        Assert.Contains("error: enterprise_delete.csv, line 3: unknown enterprise number 0111.111.124", update.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 enterprise(s) stopped; 4 row(s) not applied.", update.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, again.Code);
        Assert.Contains("The update extract 141 of 2026-03-08 is already in the register; nothing changed.", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Companies_import_of_a_folder_that_is_not_an_extract_fails_and_says_why()
    {
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite);

        var result = await DwTests.RunAsync(["companies", "import", Path.GetTempPath(), "--connection", platform.Database.ConnectionString]);

        Assert.Equal(1, result.Code);
        Assert.Contains("has no meta.csv: it is not a BCE/KBO open-data extract", result.Stderr, StringComparison.Ordinal);
    }
}
