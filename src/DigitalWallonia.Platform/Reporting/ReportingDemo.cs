using System.Globalization;
using DigitalWallonia.Platform.Demo;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// The embedded demo's reporting: the yearly cycle of the year before last, in which the demo reporter (Thomas Gilson,
/// for the AdN) submitted three reports that the agency validated and published, so the public pages have something to
/// show. The values are fictitious and say so in their source. Run through the real cycle, tasks and workflow.
/// </summary>
public sealed class ReportingDemo(PlatformDbContext db, ReportingCycles cycles, ReportingTasks tasks, TimeProvider clock, ILogger<ReportingDemo> logger)
{
    public const string Marker = "reporting-demo-cycle";

    private const string Source = "Données de démonstration (fictives)";

    private static readonly Actor Agency = new("agence.numerique", "Julie Fontaine", ["digital-agency"]);

    public async Task LoadAsync(CarrierReporter reporter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        if (await db.SeedMarkers.AnyAsync(m => m.Name == Marker, cancellationToken))
        {
            return;
        }

        var year = Scheduling.DeadlinePlanner.LegalDate(clock.GetUtcNow()).Year - 2;
        var cycle = await cycles.OpenAsync("yearly", ReportingPeriod.Yearly(year), cancellationToken);
        var party = await db.Set<ReportingCarrier>().Where(c => c.Key == reporter.CarrierKey).Select(c => c.PartyId).SingleAsync(cancellationToken);
        var carrier = new Actor(reporter.Subject, reporter.Name, [CarrierAccess.MandateRole], party.ToString(CultureInfo.InvariantCulture));
        (string Measure, string Assessment, SubmittedValue[] Values)[] reports =
        [
            ("M1", Assessments.OnTrack, [new("M1.1") { Number = 180, Source = Source }, new("M1.3") { Number = 58.5m, Source = Source }]),
            ("M24", Assessments.Delayed, [new("M24.1") { YesNo = true, Source = Source }, new("M24.2") { Number = 3, Source = Source },
                new("M24.3") { NoValueReason = "Démonstration : l'App store public n'est pas encore décidé." }]),
            ("M33", Assessments.Achieved, [new("M33.1") { Number = 1_100, Source = Source }, new("M33.2") { Number = 240, Source = Source }]),
        ];
        foreach (var (measure, assessment, values) in reports)
        {
            // A start that stopped half-way left some reports done: those are not submitted again.
            var reference = await db.Set<ReportingTask>().Where(t => t.CycleId == cycle.Id && t.MeasureId == measure)
                .Join(db.Dossiers.Where(d => d.State == ReportingStates.Open), t => t.DossierId, d => d.Id, (t, _) => t.Reference)
                .SingleOrDefaultAsync(cancellationToken);
            if (reference is null)
            {
                continue;
            }

            Require(await tasks.SubmitAsync(reference, values, carrier, cancellationToken), reference);
            Require(await tasks.ValidateAsync(reference, assessment, "Démonstration", Agency, cancellationToken), reference);
        }

        var publication = cycle.Status == ReportingCycleStatus.Open ? await cycles.PublishAsync(cycle.Id, Agency, cancellationToken) : null;
        db.SeedMarkers.Add(new SeedMarker(Marker, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo reporting cycle {Period} published: {Reports} report(s).", cycle.Period, publication?.PublishedReports);
    }

    private static void Require(ReportingOutcome outcome, string reference)
    {
        if (!outcome.Accepted)
        {
            throw new InvalidOperationException($"The demo report {reference} was refused: {outcome.Message}");
        }
    }
}
