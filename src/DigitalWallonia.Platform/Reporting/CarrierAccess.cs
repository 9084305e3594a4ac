using Microsoft.EntityFrameworkCore;
using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// For whom a signed-in person reports: the carriers that name them as reporter (by subject), and the carriers whose
/// enterprise number they hold a <c>measure-carrier</c> mandate for.
/// </summary>
public sealed class CarrierAccess(PlatformDbContext db)
{
    public const string MandateRole = "measure-carrier";

    /// <summary>The carriers' keys, with the party each is, for the person <paramref name="subject"/> with these mandates' enterprise numbers.</summary>
    public async Task<IReadOnlyList<(string Key, long PartyId)>> CarriersForAsync(string subject, IReadOnlyCollection<string> carrierMandates,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(carrierMandates);
        var named = db.Set<CarrierReporter>().Where(r => r.Subject == subject).Select(r => r.CarrierKey);
        var carriers = await db.Set<ReportingCarrier>().AsNoTracking()
            .Join(db.Parties, c => c.PartyId, p => p.Id, (c, p) => new { c.Key, c.PartyId, Number = p.EnterpriseNumber })
            .ToListAsync(cancellationToken);
        var keys = (await named.ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return carriers
            .Where(c => keys.Contains(c.Key) || c.Number is { } number && carrierMandates.Contains(number.Digits))
            .Select(c => (c.Key, c.PartyId))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
    }
}
