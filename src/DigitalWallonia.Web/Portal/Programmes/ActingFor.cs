using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Portal.Programmes;

/// <summary>
/// An enterprise the signed-in person acts for (one of their mandates), with its name when the platform knows it. The
/// portal's applying pages offer only these; any other enterprise number in an address answers 404.
/// </summary>
public sealed record ActingFor(EnterpriseNumber Number, string Name)
{
    public static async Task<IReadOnlyList<ActingFor>> OfAsync(Requester requester, PlatformDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(db);
        var numbers = requester.Mandates.Select(m => m.Enterprise).Distinct().ToList();
        var result = new List<ActingFor>();
        foreach (var number in numbers)
        {
            EnterpriseNumber? wanted = number;
            var name = await db.Parties.AsNoTracking().Where(p => p.EnterpriseNumber == wanted).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
            result.Add(new ActingFor(number, name ?? number.ToString()));
        }

        return result;
    }

    /// <summary>The enterprise <paramref name="typed"/> names among <paramref name="choices"/>, else null (not theirs: 404).</summary>
    public static ActingFor? Find(IReadOnlyList<ActingFor> choices, string? typed) =>
        EnterpriseNumber.TryParse(typed, out var number, out _) ? choices.FirstOrDefault(c => c.Number == number) : null;

    public string Label => $"{Name} (BE {Number})";
}
