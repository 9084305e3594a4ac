using DigitalWallonia.Platform.Content;
using DigitalWallonia.Platform.Demo;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// Loads the plan (themes, objectives, axes, measures, indicators, carriers) from the content folder's
/// <c>reporting/</c> files the first time a node starts on a database, in one transaction marked by a
/// <see cref="SeedMarker"/>: afterwards the database is the source of truth and administrators edit it, so a later
/// start never overwrites their changes. The demo's reporters are loaded the same way on the embedded profile.
/// </summary>
public sealed class PlanSeed(
    PlatformDbContext db,
    ContentFolder content,
    TimeProvider clock,
    IOptions<DemoDataOptions> demo,
    IOptions<DatabaseOptions> database,
    ReportingDemo reportingDemo,
    ILogger<PlanSeed> logger)
{
    public const string PlanMarker = "reporting-plan";
    public const string DemoReportersMarker = "reporting-demo-reporters";

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(content.Reporting))
        {
            logger.LogInformation("No reporting/ folder in {Root}: the plan of measures is not loaded.", content.Root);
            return;
        }

        if (!await db.SeedMarkers.AnyAsync(m => m.Name == PlanMarker, cancellationToken))
        {
            var plan = PlanFiles.Read(content.Reporting);
            if (await SeedOnceAsync(PlanMarker, () => AddPlan(plan), cancellationToken))
            {
                logger.LogInformation("Loaded the plan of measures: {Measures} measures, {Indicators} indicators, {Carriers} carriers.",
                    plan.Measures.Count, plan.Measures.Sum(m => m.Indicators.Count), plan.Carriers.Count);
            }
        }

        var reporters = Path.Combine(content.Root, PlanFiles.DemoReporters);
        if (demo.Value.Demo && database.Value.Provider == DatabaseProvider.Sqlite && File.Exists(reporters)
            && !await db.SeedMarkers.AnyAsync(m => m.Name == DemoReportersMarker, cancellationToken))
        {
            var people = PlanFiles.ReadReporters(reporters);
            var carriers = await db.Set<ReportingCarrier>().ToDictionaryAsync(c => c.Key, StringComparer.Ordinal, cancellationToken);
            await SeedOnceAsync(DemoReportersMarker, async () =>
            {
                foreach (var person in people.Where(p => carriers.ContainsKey(p.Carrier)))
                {
                    var carrier = carriers[person.Carrier];
                    var party = await db.Parties.Include(p => p.Contacts).SingleAsync(p => p.Id == carrier.PartyId, cancellationToken);
                    party.AddContact(person.Name, person.Email, person.Language);
                    db.Set<CarrierReporter>().Add(new CarrierReporter(carrier.Key, person.Subject, person.Name, "seed", clock.GetUtcNow()));
                }
            }, cancellationToken);
        }

        // The demo's published cycle, reported by the demo's first reporter (embedded profile only, like the reporters).
        if (demo.Value.Demo && database.Value.Provider == DatabaseProvider.Sqlite
            && await db.Set<CarrierReporter>().AsNoTracking().OrderBy(r => r.Id).FirstOrDefaultAsync(r => r.AddedBy == "seed", cancellationToken) is { } reporter)
        {
            await reportingDemo.LoadAsync(reporter, cancellationToken);
        }
    }

    // All or nothing under the marker's primary key: of two nodes starting together one commits, the other finds the marker.
    private async Task<bool> SeedOnceAsync(string marker, Func<Task> add, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            db.SeedMarkers.Add(new SeedMarker(marker, clock.GetUtcNow()));
            await add();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            if (await AnotherNodeSeededAsync(marker, cancellationToken))
            {
                return false;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> AnotherNodeSeededAsync(string marker, CancellationToken cancellationToken)
    {
        await using var check = PlatformDbContext.Create(database.Value, db.Database.GetConnectionString());
        return await check.SeedMarkers.AnyAsync(m => m.Name == marker, cancellationToken);
    }

    private async Task AddPlan(PlanFiles.PlanData plan)
    {
        var parties = new Dictionary<string, Party>(StringComparer.Ordinal);
        foreach (var carrier in plan.Carriers)
        {
            var party = carrier.EnterpriseNumber is { } number
                ? await db.Parties.SingleOrDefaultAsync(p => p.EnterpriseNumber == EnterpriseNumber.Parse(number)) ?? Party.Organisation(carrier.Name, EnterpriseNumber.Parse(number))
                : Party.Organisation(carrier.Name);
            if (party.Id == 0)
            {
                db.Parties.Add(party);
            }

            parties[carrier.Key] = party;
        }

        await db.SaveChangesAsync(); // the parties' ids
        foreach (var carrier in plan.Carriers)
        {
            db.Set<ReportingCarrier>().Add(new ReportingCarrier(carrier.Key, parties[carrier.Key].Id, carrier.ShortName));
        }

        foreach (var theme in plan.Themes)
        {
            db.Set<PlanTheme>().Add(new PlanTheme(theme.Number, theme.Name, theme.Line));
            foreach (var objective in theme.Objectives)
            {
                db.Set<PlanObjective>().Add(new PlanObjective(objective.Code, theme.Number, objective.Name, objective.Line));
                foreach (var axis in objective.Axes)
                {
                    db.Set<PlanAxis>().Add(new PlanAxis(axis.Code, objective.Code, axis.Name, axis.Line));
                }

                var position = 0;
                foreach (var indicator in objective.PerformanceIndicators ?? [])
                {
                    db.Set<PerformanceIndicator>().Add(new PerformanceIndicator(objective.Code, ++position, indicator.Name, indicator.Baseline,
                        indicator.Target, indicator.Horizon, indicator.Line));
                }
            }
        }

        foreach (var data in plan.Measures)
        {
            var measure = new Measure(data.Id, data.Number, data.Title, data.Axis, data.Carrier);
            measure.Describe(data.Summary, data.CarrierAsWritten ?? string.Empty, data.Participants is { Count: > 0 } p ? string.Join("; ", p) : null,
                data.LaunchYear, data.FullRegimeYear, data.Page, data.Lines?.FirstOrDefault(), data.Lines?.LastOrDefault(), data.IndicatorsStatus);
            db.Set<Measure>().Add(measure);
            var position = 0;
            foreach (var i in data.Indicators ?? [])
            {
                IndicatorKinds.TryParse(i.Kind, out IndicatorKind kind); // checked by PlanFiles.Read
                IndicatorKinds.TryParse(i.Periodicity, out ReportingPeriodicity periodicity);
                var indicator = new Indicator(i.Key, data.Id, ++position, i.Name, kind, periodicity);
                indicator.Edit(i.Name, kind, i.Unit, periodicity, i.Tracked, i.Baseline, i.Target, i.Horizon, i.Note);
                db.Set<Indicator>().Add(indicator);
            }
        }
    }
}
