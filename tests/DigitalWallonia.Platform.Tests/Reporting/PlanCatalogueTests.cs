using System.Text.Json;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Reporting;

/// <summary>The plan loaded from reporting/ once, then edited by administrators with every change recorded.</summary>
public class PlanCatalogueTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_plan_is_loaded_once_and_an_administrators_change_survives_the_next_start_with_its_record(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, shippedContent: true);
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            Assert.Equal((5, 9, 23, 50, 17), (await db.Set<PlanTheme>().CountAsync(), await db.Set<PlanObjective>().CountAsync(),
                await db.Set<PlanAxis>().CountAsync(), await db.Set<Measure>().CountAsync(), await db.Set<ReportingCarrier>().CountAsync()));
            var m13 = await db.Set<Indicator>().Where(i => i.MeasureId == "M13").OrderBy(i => i.Position).ToListAsync();
            Assert.Equal(["M13.1:Number:Quarterly:True", "M13.2:Number:Quarterly:True", "M13.3:Percentage:Yearly:True"],
                m13.Select(i => $"{i.Key}:{i.Kind}:{i.Periodicity}:{i.Tracked}"));
            var m13Measure = await db.Set<Measure>().SingleAsync(m => m.Id == "M13");
            Assert.Equal(("dgo6", "DG06"), (m13Measure.CarrierKey, m13Measure.CarrierAsWritten)); // the plan writes DG06 for DGO6
            Assert.False(await db.Set<Indicator>().Where(i => i.Key == "M1.2").Select(i => i.Tracked).SingleAsync()); // composite: not tracked
            var m201 = await db.Set<Indicator>().SingleAsync(i => i.Key == "M20.1");
            Assert.Equal((IndicatorKind.YesNo, 1m, 2018), (m201.Kind, m201.Target!.Value, m201.Horizon!.Value)); // yes by the measure's full regime

            await scope.ServiceProvider.GetRequiredService<PlanCatalogue>().EditIndicatorAsync("M13.1", 1,
                new PlanCatalogue.IndicatorEdit("Nombre de demandes d'aides introduites", IndicatorKind.Number, "demandes", ReportingPeriodicity.Quarterly, true, 120, 400, 2027,
                    "Cible fixée par l'Agence"), "marc.delvaux", CancellationToken.None);
            var stale = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => scope.ServiceProvider.GetRequiredService<PlanCatalogue>().EditIndicatorAsync("M13.1", 1,
                new PlanCatalogue.IndicatorEdit("X", IndicatorKind.Number, null, ReportingPeriodicity.Yearly, false, null, null, null, null), "someone", CancellationToken.None));
            Assert.Contains("changed by someone else", stale.Message, StringComparison.Ordinal);
        }

        await using (var scope = platform.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PlanSeed>().LoadAsync(CancellationToken.None); // as the next start does
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var indicator = await db.Set<Indicator>().SingleAsync(i => i.Key == "M13.1");
            Assert.Equal((120m, 400m, 2027, 2L), (indicator.Baseline!.Value, indicator.Target!.Value, indicator.Horizon!.Value, indicator.Version));
            Assert.Equal(50, await db.Set<Measure>().CountAsync());
            var change = await db.Set<PlanChange>().SingleAsync();
            Assert.Equal(("indicator", "M13.1", "edited", "marc.delvaux"), (change.Subject, change.Key, change.Change, change.By));
            using (var before = JsonDocument.Parse(change.Before!))
            using (var after = JsonDocument.Parse(change.After!))
            {
                Assert.Equal(JsonValueKind.Null, before.RootElement.GetProperty("Target").ValueKind);
                Assert.Equal(400m, after.RootElement.GetProperty("Target").GetDecimal());
            }

            db.Remove(change);
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges()); // the record of a change is evidence
        }
    }

    [Fact]
    public void A_data_file_naming_an_unknown_carrier_or_kind_is_refused_with_the_record_named()
    {
        var folder = Directory.CreateTempSubdirectory("dw-plan-").FullName;
        try
        {
            foreach (var file in new[] { PlanFiles.Plan, PlanFiles.Measures, PlanFiles.Carriers })
            {
                File.Copy(Path.Combine(TestContent.RepositoryRoot(), "reporting", file), Path.Combine(folder, file));
            }

            var measures = Path.Combine(folder, PlanFiles.Measures);
            File.WriteAllText(measures, File.ReadAllText(measures)
                .Replace("\"carrier\": \"dgo6\"", "\"carrier\": \"dgo7\"", StringComparison.Ordinal)
                .Replace("\"kind\": \"yes-no\"", "\"kind\": \"yes/no\"", StringComparison.Ordinal));

            var e = Assert.Throws<InvalidDataException>(() => PlanFiles.Read(folder));

            Assert.Contains("measures.json: M13: unknown carrier 'dgo7'", e.Message, StringComparison.Ordinal);
            Assert.Contains("measures.json: M20.1: unknown kind 'yes/no'", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
