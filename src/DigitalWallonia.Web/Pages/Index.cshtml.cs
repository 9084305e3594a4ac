using DigitalWallonia.Platform.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Pages;

/// <summary>
/// The landing page: the programmes and how many dossiers each has. Anonymous, so no dossier is listed (a reference,
/// a state and a date say who applied for what); dossiers are shown to the people entitled to them, after sign-in.
/// </summary>
public sealed class IndexModel(PlatformDbContext db) : PageModel
{
    public sealed record ProgrammeCard(string Key, string Title, string Summary, int Dossiers);

    private static readonly (string Key, string Title, string Summary)[] Programmes =
    [
        ("rentic", "Prime à la transformation numérique (RENTIC)", "Conseil par un prestataire labellisé, paiement par tranches."),
        ("cyber", "Prime et label cybersécurité", "Audit par un expert agréé, cinq étapes, label horodaté."),
        ("voucher", "Chèques technologiques", "Prestataires labellisés, décision en cinq jours ouvrables."),
        ("label", "Label Digital Wallonia", "Charte, comité, label pour une durée de validité."),
    ];

    public IReadOnlyList<ProgrammeCard> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Dossiers.AsNoTracking()
            .GroupBy(d => d.Programme)
            .Select(g => new { Programme = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Programme, x => x.Count, cancellationToken);
        Cards = Programmes.Select(p => new ProgrammeCard(p.Key, p.Title, p.Summary, counts.GetValueOrDefault(p.Key))).ToList();
    }
}
