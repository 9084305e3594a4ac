using DigitalWallonia.Platform.Companies;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Companies;

public class CompanyRegisterImportTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_full_extract_fills_every_table_of_the_register(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);

        var report = await CompanyExtracts.ImportAsync(platform, CompanyExtracts.Full140);

        Assert.False(report.AlreadyImported);
        Assert.Empty(report.Errors);
        Assert.Equal((140, "full", new DateOnly(2026, 3, 1)), (report.ExtractNumber, report.ExtractType, report.SnapshotDate));
        Assert.Equal(10, report.Applied["enterprise"]);
        Assert.Equal(10, report.Applied["establishment"]);
        Assert.Equal(20, report.Applied["address"]);
        Assert.Equal(12, report.Applied["activity"]);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var number = EnterpriseNumber.Parse("0440.100.183");
        var association = await db.Set<RegisteredEnterprise>().SingleAsync(e => e.Number == number);
        Assert.Equal(("017", "AC", new DateOnly(2015, 1, 12), true), (association.JuridicalForm, association.Status, association.StartDate, association.IsActive));
        var abroad = await db.Set<RegisteredAddress>().SingleAsync(a => a.EntityNumber == "2600000074");
        Assert.Equal(("Luxembourg", "4030", false), (abroad.Country, abroad.Zipcode, abroad.IsInBelgium));
        Assert.Equal("Association sans but lucratif",
            (await db.Set<RegisterCode>().SingleAsync(c => c.Category == "JuridicalForm" && c.Code == "017" && c.Language == "FR")).Description);
        var activities = await db.Set<RegisteredActivity>().Where(a => a.EntityNumber == "0789012351").OrderBy(a => a.NaceVersion).ToListAsync();
        Assert.Equal([("2008", "70.220"), ("2025", "70.200")], activities.Select(a => (a.NaceVersion, a.DottedCode)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Importing_the_same_extract_twice_changes_nothing_the_second_time(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        await CompanyExtracts.ImportAsync(platform, CompanyExtracts.Full140);

        var again = await CompanyExtracts.ImportAsync(platform, CompanyExtracts.Full140);

        Assert.True(again.AlreadyImported);
        Assert.Equal(0, again.RowsApplied);
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(10, await db.Set<RegisteredEnterprise>().CountAsync());
        Assert.Equal(12, await db.Set<RegisteredActivity>().CountAsync());
        Assert.Equal(1, await db.Set<CompanyRegisterExtract>().CountAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_update_stops_adds_and_replaces_and_counts_each_row_it_cannot_apply(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        await CompanyExtracts.ImportAsync(platform, CompanyExtracts.Full140);

        var report = await CompanyExtracts.ImportAsync(platform, CompanyExtracts.Update141);

        Assert.Equal(1, report.EnterprisesStopped);
        Assert.Equal(1, report.Applied["enterprise"]);
        Assert.Equal(3, report.Applied["activity"]);
        Assert.Empty(report.Warnings);
        Assert.Collection(report.Errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line),
            e => Assert.Equal("activity_insert.csv, line 5: enterprise 0999.999.031 is stopped (since 2026-03-08): its row is not applied", e.ToString()),
            e => Assert.Equal("activity_insert.csv, line 6: 3 fields where the header has 5", e.ToString()),
            e => Assert.Equal("activity_insert.csv, line 7: EntityNumber: The enterprise number '0123.456.748' has check digits 48; for 01234567 they must be 49.", e.ToString()),
            e => Assert.Equal("enterprise_delete.csv, line 3: unknown enterprise number 0111.111.124: the register has nothing to delete", e.ToString()));
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stoppedNumber = EnterpriseNumber.Parse("0999.999.031");
        var stopped = await db.Set<RegisteredEnterprise>().SingleAsync(e => e.Number == stoppedNumber);
        Assert.Equal((new DateOnly(2026, 3, 8), false), (stopped.StoppedOn, stopped.IsActive));
        Assert.Equal(["70220 MAIN", "62020 SECO"],
            await db.Set<RegisteredActivity>().Where(a => a.EntityNumber == "0789012351").OrderBy(a => a.Id).Select(a => a.NaceCode + " " + a.Classification).ToListAsync());
        Assert.Equal("1348", (await db.Set<RegisteredAddress>().SingleAsync(a => a.EntityNumber == "2500000103")).Zipcode);
        var extract = await db.Set<CompanyRegisterExtract>().SingleAsync(e => e.Number == 141);
        Assert.Equal((4, "update"), (extract.Errors, extract.Type));
    }

    [Theory, OnSqlite]
    public async Task An_update_that_skips_an_extract_is_applied_with_a_warning(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var folder = Directory.CreateTempSubdirectory("dw-extract-").FullName;
        try
        {
            await CompanyExtracts.ImportAsync(platform, CompanyExtracts.Full140);
            foreach (var file in Directory.GetFiles(CompanyExtracts.Update141))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var meta = Path.Combine(folder, "meta.csv");
            await File.WriteAllTextAsync(meta, (await File.ReadAllTextAsync(meta)).Replace("\"141\"", "\"143\"", StringComparison.Ordinal));

            var report = await CompanyExtracts.ImportAsync(platform, folder);

            Assert.Equal("update extract 143 follows extract 140: the updates between them are missing, import them or a full extract", Assert.Single(report.Warnings));
            Assert.Equal(1, report.EnterprisesStopped);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, OnSqlite]
    public async Task A_folder_without_meta_csv_is_refused_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider);
        var folder = Directory.CreateTempSubdirectory("dw-extract-").FullName;
        try
        {
            File.Copy(Path.Combine(CompanyExtracts.Full140, "enterprise.csv"), Path.Combine(folder, "enterprise.csv"));

            var error = await Assert.ThrowsAsync<FormatException>(() => CompanyExtracts.ImportAsync(platform, folder));

            Assert.Contains("has no meta.csv", error.Message, StringComparison.Ordinal);
            await using var scope = platform.Scope();
            Assert.False(await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<RegisteredEnterprise>().AnyAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
