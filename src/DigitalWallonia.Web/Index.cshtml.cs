using DigitalWallonia.Platform.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web;

/// <summary>The landing page: the programmes and the most recent dossiers.</summary>
public sealed class IndexModel(PlatformDbContext db) : PageModel
{
    public sealed record ProgrammeCard(string Key, int Dossiers);

    public sealed record DossierLine(string Reference, string Programme, string State, DateOnly? SubmittedOn);

    // Titles and summaries are interface texts (Shared/Ui.cs, "programme.KEY.title").
    private static readonly string[] Programmes = ["rentic", "cyber", "voucher", "label"];

    public IReadOnlyList<ProgrammeCard> Cards { get; private set; } = [];

    public IReadOnlyList<DossierLine> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Dossiers.AsNoTracking()
            .GroupBy(d => d.Programme)
            .Select(g => new { Programme = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Programme, x => x.Count, cancellationToken);
        Cards = Programmes.Select(p => new ProgrammeCard(p, counts.GetValueOrDefault(p))).ToList();
        Recent = await db.Dossiers.AsNoTracking()
            .OrderByDescending(d => d.OpenedAt).ThenByDescending(d => d.Id)
            .Take(10)
            .Select(d => new DossierLine(d.Reference, d.Programme, d.State, d.SubmittedOn))
            .ToListAsync(cancellationToken);
    }
}
