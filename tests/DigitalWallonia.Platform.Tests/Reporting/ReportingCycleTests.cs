using System.Globalization;
using System.Text.Json;
using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Reporting;

/// <summary>
/// A whole yearly cycle on the shipped plan, workflow and templates, with the real deadline sweeper on the test clock:
/// the scheduled opening, reminders, the escalation of an overdue report to the agency, a return for correction with its
/// reasons, the corrected submission, validation and publication; then the open data checked against what was submitted
/// and against its own Data Package.
/// </summary>
public class ReportingCycleTests
{
    // 23:59 and 00:01 in Brussels (UTC+1 in winter) around the end of the 2026 period.
    private static readonly DateTimeOffset LastMinuteOf2026 = new(2026, 12, 31, 22, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstMinuteOf2027 = new(2026, 12, 31, 23, 1, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_yearly_cycle_opens_on_schedule_escalates_returns_for_correction_and_publishes_what_the_agency_validated(DatabaseProvider provider)
    {
        await using var scenario = await ReportingScenario.StartAsync(provider, LastMinuteOf2026);
        var platform = scenario.Platform;
        var sweeper = platform.Services.GetRequiredService<DeadlineSweeper>();
        // The plan gives M24.2 (calls for projects) no target: an administrator sets one, which the computed progress uses.
        await scenario.WithAsync(s => s.GetRequiredService<PlanCatalogue>().EditIndicatorAsync("M24.2", 1,
            new PlanCatalogue.IndicatorEdit("Nombre d'appels à projets", IndicatorKind.Number, "appels", ReportingPeriodicity.Yearly, true, 0, 8, 2027, null),
            "admin", CancellationToken.None));

        // Scheduled opening: nothing before the period's end in Brussels, the cycle the minute after, once.
        Assert.Empty(await scenario.WithAsync(s => s.GetRequiredService<ReportingCycles>().OpenDueAsync(CancellationToken.None)));
        platform.Clock.Set(FirstMinuteOf2027);
        var opened = Assert.Single(await scenario.WithAsync(s => s.GetRequiredService<ReportingCycles>().OpenDueAsync(CancellationToken.None)));
        Assert.Empty(await scenario.WithAsync(s => s.GetRequiredService<ReportingCycles>().OpenDueAsync(CancellationToken.None)));
        Assert.Equal(("yearly", "2026", ReportingCycleStatus.Open), (opened.Schedule, opened.Period, opened.Status));
        var (tasks, expected) = await scenario.WithAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            var expectedMeasures = await db.Set<Measure>()
                .Where(m => db.Set<Indicator>().Any(i => i.MeasureId == m.Id && i.Tracked && i.Periodicity == ReportingPeriodicity.Yearly))
                .Select(m => m.Id).OrderBy(m => m).ToListAsync();
            var taskMeasures = await db.Set<ReportingTask>().Select(t => t.MeasureId).OrderBy(m => m).ToListAsync();
            return (taskMeasures, expectedMeasures);
        });
        Assert.Equal(expected, tasks);
        Assert.True(tasks.Count >= 40, $"{tasks.Count} tasks"); // M34 and M36 have no indicators, M31's are quarterly
        Assert.DoesNotContain("M31", tasks);

        var m24 = await scenario.ReferenceAsync("M24");
        var m1 = await scenario.ReferenceAsync("M1");
        var m33 = await scenario.ReferenceAsync("M33");
        var m22 = await scenario.ReferenceAsync("M22");
        Assert.StartsWith("REPORTING-2027-", m24, StringComparison.Ordinal);
        // 20 working days from Monday 4 January 2027 (1 January is a holiday): Friday 29 January at 24:00 in Brussels.
        var deadline = await scenario.WithAsync(s => s.GetRequiredService<PlatformDbContext>().Deadlines.Include(d => d.Reminders)
            .Join(s.GetRequiredService<PlatformDbContext>().Dossiers.Where(d => d.Reference == m24), d => d.DossierId, d => d.Id, (d, _) => d).SingleAsync());
        Assert.Equal(("submission", DeadlinePlanner.EndOfDay(new DateOnly(2027, 1, 29))), (deadline.Kind, deadline.DueAt));
        Assert.Equal([DeadlinePlanner.EndOfDay(new DateOnly(2027, 1, 22)), DeadlinePlanner.EndOfDay(new DateOnly(2027, 1, 28))],
            deadline.Reminders.Select(r => r.DueAt).Order());
        Assert.Equal([("reporting-opened", ReportingScenario.ReporterEmail, "en")], await scenario.MessagesAsync(m24));

        // M1 and M33 are submitted on time (M33 will still await review when the agency first tries to publish).
        Assert.True((await scenario.SubmitAsync(m1,
            new SubmittedValue("M1.1") { Number = 212, Source = "Registre des ambassadeurs" },
            new SubmittedValue("M1.3") { Number = 64.5m, Source = "Statistiques de la plateforme", Comment = "Pages de la cartographie" })).Accepted);
        Assert.True((await scenario.SubmitAsync(m33,
            new SubmittedValue("M33.1") { Number = 1_250, Source = "Enquête NWOW 2026" },
            new SubmittedValue("M33.2") { Number = 310, Source = "Enquête NWOW 2026" })).Accepted);

        // Reminders, then the escalation of M24 (and M22, M33 pending) to the agency when the deadline passes.
        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2027, 1, 22)).AddMinutes(1));
        await sweeper.SweepAsync(CancellationToken.None);
        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2027, 1, 28)).AddMinutes(1));
        await sweeper.SweepAsync(CancellationToken.None);
        platform.Clock.Set(DeadlinePlanner.EndOfDay(new DateOnly(2027, 1, 29)).AddMinutes(1));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal("overdue", await scenario.StateAsync(m24));
        Assert.Equal(("submitted", "submitted", "overdue"), (await scenario.StateAsync(m1), await scenario.StateAsync(m33), await scenario.StateAsync(m22)));
        Assert.Equal(
            [("reporting-opened", ReportingScenario.ReporterEmail, "en"), ("reporting-reminder", ReportingScenario.ReporterEmail, "en"),
             ("reporting-reminder", ReportingScenario.ReporterEmail, "en"), ("reporting-overdue", ReportingScenario.AgencyMailbox, "fr"), ("reporting-overdue", ReportingScenario.ReporterEmail, "en")],
            await scenario.MessagesAsync(m24));
        Assert.DoesNotContain(await scenario.MessagesAsync(m1), m => m.Template is "reporting-reminder" or "reporting-overdue");

        // A value of the wrong kind, a missing source, an indicator forgotten: refused together, nothing stored.
        var wrong = await scenario.SubmitAsync(m24,
            new SubmittedValue("M24.1") { Number = 1, Source = "SPW" },
            new SubmittedValue("M24.2") { Number = 3 });
        Assert.False(wrong.Accepted);
        Assert.Equal("invalid-input", wrong.Code);
        Assert.Equal(["values[0].yesNo:wrong-kind", "values[1].source:source-missing", "values:missing"],
            wrong.FieldErrors.Select(e => $"{e.Field}:{e.Code}"));
        Assert.Equal("overdue", await scenario.StateAsync(m24));

        var late = await scenario.SubmitAsync(m24,
            new SubmittedValue("M24.1") { YesNo = true, Source = "Arrêté de création du lab", Comment = "Lab ouvert en 2026" },
            new SubmittedValue("M24.2") { Number = 3, Source = "Appels publiés" },
            new SubmittedValue("M24.3") { NoValueReason = "L'App store public n'est pas encore décidé." });
        Assert.True(late.Accepted, late.Message);
        Assert.Equal("submitted", late.State);

        // The agency returns it: a reason for the whole and one next to the value concerned.
        var returned = await scenario.WithAsync(s => s.GetRequiredService<ReportingTasks>().ReturnAsync(m24, "Le nombre d'appels ne correspond pas au portail.",
            new Dictionary<string, string> { ["M24.2"] = "Le portail en compte 4 pour 2026 ; corrigez ou expliquez." }, ReportingScenario.Agency, CancellationToken.None));
        Assert.True(returned.Accepted, returned.Message);
        Assert.Equal("returned", await scenario.StateAsync(m24));
        var detail = await scenario.WithAsync(s => s.GetRequiredService<ReportingWork>().TaskByReferenceAsync(m24, CancellationToken.None));
        Assert.Equal("Le portail en compte 4 pour 2026 ; corrigez ou expliquez.", detail!.CurrentValue("M24.2")!.ReturnReason);
        Assert.Null(detail.CurrentValue("M24.1")!.ReturnReason);
        Assert.All(detail.Current!.Rows, r => Assert.Equal(IndicatorValueStatus.Returned, r.Value.Status));
        Assert.Equal(DeadlinePlanner.EndOfDay(new DateOnly(2027, 2, 12)), detail.DueAt); // 10 working days to correct
        var returnMessage = await scenario.WithAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            return await db.OutboxMessages.Where(m => m.TemplateKey == "reporting-returned").Select(m => m.ModelJson).SingleAsync();
        });
        Assert.Contains("Le nombre d'appels ne correspond pas au portail.", returnMessage, StringComparison.Ordinal);

        // Corrected and resubmitted: a second submission, the first kept as it was returned.
        var corrected = await scenario.SubmitAsync(m24,
            new SubmittedValue("M24.1") { YesNo = true, Source = "Arrêté de création du lab" },
            new SubmittedValue("M24.2") { Number = 4, Source = "Portail des appels à projets", Comment = "Un appel conjoint était compté à part" },
            new SubmittedValue("M24.3") { NoValueReason = "L'App store public n'est pas encore décidé." });
        Assert.True(corrected.Accepted, corrected.Message);
        Assert.True((await scenario.ValidateAsync(m24, Assessments.OnTrack, "Le lab fonctionne ; l'App store reste à décider.")).Accepted);
        Assert.True((await scenario.ValidateAsync(m1, Assessments.Delayed)).Accepted);

        // Publication waits for every submitted report to be reviewed.
        var refused = await scenario.WithAsync(s => s.GetRequiredService<ReportingCycles>().PublishAsync(opened.Id, ReportingScenario.Agency, CancellationToken.None));
        Assert.False(refused.Published);
        Assert.Contains(m33, refused.Refusal, StringComparison.Ordinal);
        Assert.True((await scenario.ValidateAsync(m33, Assessments.Achieved)).Accepted);
        var published = await scenario.WithAsync(s => s.GetRequiredService<ReportingCycles>().PublishAsync(opened.Id, ReportingScenario.Agency, CancellationToken.None));
        Assert.True(published.Published, published.Refusal);
        Assert.Equal(3, published.PublishedReports);
        Assert.Equal(tasks.Count - 3, published.UnreportedTasks);
        Assert.Equal(("published", "published", "unreported"), (await scenario.StateAsync(m24), await scenario.StateAsync(m33), await scenario.StateAsync(m22)));
        Assert.Contains(("reporting-published", ReportingScenario.ReporterEmail, "en"), await scenario.MessagesAsync(m24));
        var history = await scenario.WithAsync(s => s.GetRequiredService<PlatformDbContext>().DossierHistory
            .Join(s.GetRequiredService<PlatformDbContext>().Dossiers.Where(d => d.Reference == m24), h => h.DossierId, d => d.Id, (h, _) => h)
            .OrderBy(h => h.Sequence).Select(h => h.TransitionId).ToListAsync());
        Assert.Equal(["escalate", "submit-late", "return", "resubmit", "validate", "publish"], history);
        Assert.Empty(await scenario.WithAsync(s => s.GetRequiredService<AuditVerifier>().VerifyAsync(s.GetRequiredService<PlatformDbContext>(), m24, CancellationToken.None)));

        // The public report: published values only, computed progress beside the agency's assessment.
        var report = await scenario.WithAsync(s => s.GetRequiredService<PublicProgress>().ReportAsync(CancellationToken.None));
        var measure = report.Measure("M24")!;
        Assert.Equal((Assessments.OnTrack, "2026"), (measure.Assessment!.Assessment, measure.Assessment.Cycle));
        Assert.Equal(100m, measure.Indicators.Single(i => i.Key == "M24.1").Progress); // target yes, yes given
        Assert.Equal(50m, measure.Indicators.Single(i => i.Key == "M24.2").Progress); // 4 of 8
        Assert.Null(measure.Indicators.Single(i => i.Key == "M24.3").Progress); // a reason, no value
        Assert.Equal(75m, measure.ComputedProgress);
        Assert.Empty(report.Measure("M22")!.Indicators.SelectMany(i => i.History)); // never submitted
        var adn = report.Carriers.Single(c => c.Carrier.Key == "adn");
        var adnCycle = Assert.Single(adn.Cycles);
        Assert.Equal((4, 3, 2, 2, 1, 1), (adnCycle.Tasks, adnCycle.Published, adnCycle.OnTime, adnCycle.Escalated, adnCycle.Returned, adnCycle.Unreported));

        // Open data: exactly the values submitted and validated, one row per measure, indicator and period.
        var rows = OpenData.Rows(report);
        var csv = OpenData.Csv(rows);
        var table = Csv.Parse(csv);
        var header = table[0];
        var exported = table.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(
            [
                "M1|M1.1|2026|212|||",
                "M1|M1.3|2026|64.5|||",
                "M24|M24.1|2026||true||",
                "M24|M24.2|2026|4|||",
                "M24|M24.3|2026||||L'App store public n'est pas encore décidé.",
                "M33|M33.1|2026|1250|||",
                "M33|M33.2|2026|310|||",
            ],
            exported.Select(r => string.Join('|', r["measure_id"], r["indicator_id"], r["period"], r["value_number"], r["value_boolean"], r["value_text"], r["no_value_reason"])));
        Assert.Equal("Portail des appels à projets", exported.Single(r => r["indicator_id"] == "M24.2")["source"]);
        Assert.Equal("Un appel conjoint était compté à part", exported.Single(r => r["indicator_id"] == "M24.2")["comment"]);
        Assert.All(exported, r => Assert.Equal(DeadlinePlanner.LegalDate(platform.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r["published_on"]));
        using var json = JsonDocument.Parse(OpenData.Json(rows));
        Assert.Equal(rows.Count, json.RootElement.GetArrayLength());
        Assert.Equal(4m, json.RootElement.EnumerateArray().Single(r => r.GetProperty("indicator_id").GetString() == "M24.2").GetProperty("value_number").GetDecimal());
        Assert.True(json.RootElement.EnumerateArray().Single(r => r.GetProperty("indicator_id").GetString() == "M24.1").GetProperty("value_boolean").GetBoolean());

        using var package = JsonDocument.Parse(OpenData.DataPackage("https://dw.example", report, "Agence du Numérique"));
        Assert.Empty(TableSchemaValidator.Validate(csv, package.RootElement, "measure-indicator-values"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_carrier_cannot_act_on_another_carriers_task_and_the_agency_cannot_submit(DatabaseProvider provider)
    {
        await using var scenario = await ReportingScenario.StartAsync(provider, FirstMinuteOf2027);
        await scenario.WithAsync(s => s.GetRequiredService<ReportingCycles>().OpenDueAsync(CancellationToken.None));
        var spw = await scenario.ReferenceAsync("M19"); // the SPW's Secretariat-General carries it, not the AdN

        var foreign = await scenario.SubmitAsync(spw, new SubmittedValue("M19.1") { Number = 40, Source = "RH" });
        var byAgency = await scenario.WithAsync(s => s.GetRequiredService<ReportingTasks>().SubmitAsync(spw,
            [new SubmittedValue("M19.1") { Number = 40, Source = "RH" }], ReportingScenario.Agency, CancellationToken.None));

        Assert.Equal(("role-missing", "role-missing"), (foreign.Code, byAgency.Code));
        Assert.Equal("open", await scenario.StateAsync(spw));
        Assert.Equal(0, await scenario.WithAsync(s => s.GetRequiredService<PlatformDbContext>().Set<IndicatorValue>().CountAsync()));
    }
}
