using System.Text.Json;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// Administrators' changes to the plan's catalogue: edit or add a measure or an indicator (kind, unit, periodicity,
/// tracked, baseline, target, horizon), name who reports for a carrier, record a carrier's enterprise number. Each
/// change is saved with a <see cref="PlanChange"/> holding the record before and after, in the same transaction; a
/// change based on a stale copy is refused (<see cref="DbUpdateConcurrencyException"/>).
/// </summary>
public sealed class PlanCatalogue(PlatformDbContext db, TimeProvider clock)
{
    /// <summary>The values an administrator sets on an indicator.</summary>
    public sealed record IndicatorEdit(string Name, IndicatorKind Kind, string? Unit, ReportingPeriodicity Periodicity, bool Tracked,
        decimal? Baseline, decimal? Target, int? Horizon, string? Note);

    /// <summary>The values an administrator sets on a measure.</summary>
    public sealed record MeasureEdit(string Title, string? Summary, string CarrierKey, int? LaunchYear, int? FullRegimeYear);

    public async Task<Indicator> EditIndicatorAsync(string key, long expectedVersion, IndicatorEdit edit, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var indicator = await db.Set<Indicator>().SingleOrDefaultAsync(i => i.Key == key, cancellationToken)
            ?? throw new KeyNotFoundException($"No indicator has the key '{key}'.");
        Expect(indicator.Version, expectedVersion, key);
        var before = Snapshot(indicator);
        indicator.Edit(Required(edit.Name, "name"), edit.Kind, Optional(edit.Unit), edit.Periodicity, edit.Tracked, edit.Baseline, edit.Target, edit.Horizon, Optional(edit.Note));
        Record("indicator", key, "edited", before, Snapshot(indicator), by);
        await db.SaveChangesAsync(cancellationToken);
        return indicator;
    }

    public async Task<Indicator> AddIndicatorAsync(string measureId, IndicatorEdit edit, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var measure = await db.Set<Measure>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId, cancellationToken)
            ?? throw new KeyNotFoundException($"No measure has the id '{measureId}'.");
        var positions = await db.Set<Indicator>().Where(i => i.MeasureId == measure.Id).Select(i => i.Position).ToListAsync(cancellationToken);
        var position = positions.Count == 0 ? 1 : positions.Max() + 1;
        var indicator = new Indicator($"{measure.Id}.{position}", measure.Id, position, Required(edit.Name, "name"), edit.Kind, edit.Periodicity);
        indicator.Edit(indicator.Name, edit.Kind, Optional(edit.Unit), edit.Periodicity, edit.Tracked, edit.Baseline, edit.Target, edit.Horizon, Optional(edit.Note));
        db.Add(indicator);
        Record("indicator", indicator.Key, "added", null, Snapshot(indicator), by);
        await db.SaveChangesAsync(cancellationToken);
        return indicator;
    }

    public async Task<Measure> EditMeasureAsync(string id, long expectedVersion, MeasureEdit edit, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var measure = await db.Set<Measure>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"No measure has the id '{id}'.");
        Expect(measure.Version, expectedVersion, id);
        await RequireCarrierAsync(edit.CarrierKey, cancellationToken);
        var before = Snapshot(measure);
        measure.Edit(Required(edit.Title, "title"), Optional(edit.Summary), edit.CarrierKey, edit.LaunchYear, edit.FullRegimeYear);
        Record("measure", id, "edited", before, Snapshot(measure), by);
        await db.SaveChangesAsync(cancellationToken);
        return measure;
    }

    /// <summary>A new measure (the plan is agile: measures may be added), numbered after the last one, under an existing axis.</summary>
    public async Task<Measure> AddMeasureAsync(string axisCode, MeasureEdit edit, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!await db.Set<PlanAxis>().AnyAsync(a => a.Code == axisCode, cancellationToken))
        {
            throw new KeyNotFoundException($"No priority axis has the code '{axisCode}'.");
        }

        await RequireCarrierAsync(edit.CarrierKey, cancellationToken);
        var number = (await db.Set<Measure>().MaxAsync(m => (int?)m.Number, cancellationToken) ?? 0) + 1;
        var measure = new Measure($"M{number}", number, Required(edit.Title, "title"), axisCode, edit.CarrierKey);
        measure.Edit(measure.Title, Optional(edit.Summary), edit.CarrierKey, edit.LaunchYear, edit.FullRegimeYear);
        db.Add(measure);
        Record("measure", measure.Id, "added", null, Snapshot(measure), by);
        await db.SaveChangesAsync(cancellationToken);
        return measure;
    }

    /// <summary>Names a person (by the subject their identity provider gives) who reports for the carrier; notifications go to <paramref name="email"/>.</summary>
    public async Task<CarrierReporter> AddReporterAsync(string carrierKey, string subject, string name, string email, string language, string by,
        CancellationToken cancellationToken)
    {
        var carrier = await RequireCarrierAsync(carrierKey, cancellationToken);
        var party = await db.Parties.Include(p => p.Contacts).SingleAsync(p => p.Id == carrier.PartyId, cancellationToken);
        party.AddContact(Required(name, "name"), email, language);
        var reporter = new CarrierReporter(carrier.Key, Required(subject, "subject"), name.Trim(), by, clock.GetUtcNow());
        db.Add(reporter);
        Record("reporter", $"{carrier.Key}/{reporter.Subject}", "added", null, JsonSerializer.Serialize(new { reporter.Subject, reporter.Name, email, language }), by);
        await db.SaveChangesAsync(cancellationToken);
        return reporter;
    }

    public async Task RemoveReporterAsync(string carrierKey, string subject, string by, CancellationToken cancellationToken)
    {
        var reporter = await db.Set<CarrierReporter>().SingleOrDefaultAsync(r => r.CarrierKey == carrierKey && r.Subject == subject, cancellationToken)
            ?? throw new KeyNotFoundException($"{subject} does not report for '{carrierKey}'.");
        db.Remove(reporter);
        Record("reporter", $"{carrierKey}/{subject}", "removed", JsonSerializer.Serialize(new { reporter.Subject, reporter.Name }), null, by);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records the carrier's enterprise number, so that people holding a <c>measure-carrier</c> mandate for it report for it.</summary>
    public async Task IdentifyCarrierAsync(string carrierKey, EnterpriseNumber number, string by, CancellationToken cancellationToken)
    {
        var carrier = await RequireCarrierAsync(carrierKey, cancellationToken);
        var party = await db.Parties.SingleAsync(p => p.Id == carrier.PartyId, cancellationToken);
        var before = party.EnterpriseNumber?.ToString();
        party.Identify(number);
        Record("carrier", carrierKey, "edited", JsonSerializer.Serialize(new { enterpriseNumber = before }), JsonSerializer.Serialize(new { enterpriseNumber = number.ToString() }), by);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ReportingCarrier> RequireCarrierAsync(string key, CancellationToken cancellationToken) =>
        await db.Set<ReportingCarrier>().AsNoTracking().SingleOrDefaultAsync(c => c.Key == key, cancellationToken)
        ?? throw new KeyNotFoundException($"No carrier has the key '{key}'.");

    private void Record(string subject, string key, string change, string? before, string? after, string by) =>
        db.Add(new PlanChange(clock.GetUtcNow(), by, subject, key, change, before, after));

    private static void Expect(long actual, long expected, string key)
    {
        if (actual != expected)
        {
            throw new DbUpdateConcurrencyException($"{key} was changed by someone else (version {actual}, not {expected}). Nothing was saved: reload it and try again.");
        }
    }

    private static string Required(string? text, string what) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException($"The {what} is required.", what) : text.Trim();

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Snapshot(Indicator i) => JsonSerializer.Serialize(new
    {
        i.Key, i.Name, kind = IndicatorKinds.Name(i.Kind), i.Unit, periodicity = IndicatorKinds.Name(i.Periodicity), i.Tracked, i.Baseline, i.Target, i.Horizon, i.Note,
    });

    private static string Snapshot(Measure m) => JsonSerializer.Serialize(new { m.Id, m.Title, m.Summary, m.CarrierKey, m.AxisCode, m.LaunchYear, m.FullRegimeYear });
}
