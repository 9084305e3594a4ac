using DigitalWallonia.Platform.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web;

/// <summary>
/// The landing page: the programmes and how many dossiers each has. Anonymous, so no dossier is listed (a reference,
/// a state and a date say who applied for what); dossiers are shown to the people entitled to them, after sign-in.
/// </summary>
public sealed class IndexModel(PlatformDbContext db) : PageModel
{
    public sealed record ProgrammeCard(string Key, int Dossiers);

    // Titles and summaries are interface texts (Shared/Ui.cs, "programme.KEY.title").
    private static readonly string[] Programmes = ["rentic", "cyber", "voucher", "label"];

    public IReadOnlyList<ProgrammeCard> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Dossiers.AsNoTracking()
            .GroupBy(d => d.Programme)
            .Select(g => new { Programme = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Programme, x => x.Count, cancellationToken);
        Cards = Programmes.Select(p => new ProgrammeCard(p, counts.GetValueOrDefault(p))).ToList();
    }
}
