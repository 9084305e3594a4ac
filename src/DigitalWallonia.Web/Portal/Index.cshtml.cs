using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Portal;
using DigitalWallonia.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Portal;

/// <summary>
/// "My dossiers": the dossiers of one enterprise the person's mandates cover, each in plain words with what comes next.
/// A person with several mandates chooses the enterprise; the choice stays in the address (<c>?entreprise=</c>).
/// </summary>
public sealed class IndexModel(DossierAccess access, CompanyDossiers dossiers) : PageModel
{
    /// <summary>The enterprises the person acts for: their number (digits) and name.</summary>
    public IReadOnlyList<(string Digits, string Display, string Name)> Enterprises { get; private set; } = [];

    public (string Digits, string Display, string Name)? Chosen { get; private set; }

    public IReadOnlyList<CompanyDossier> Dossiers { get; private set; } = [];

    [BindProperty(Name = "entreprise", SupportsGet = true)]
    public string? Enterprise { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var requester = Requester.Of(User);
        if (requester is null)
        {
            return Challenge();
        }

        var numbers = requester.Mandates.Select(m => m.Enterprise).Distinct().ToList();
        var names = await (await access.VisibleCompaniesAsync(requester, cancellationToken))
            .Select(p => new { p.EnterpriseNumber, p.Name }).ToListAsync(cancellationToken);
        Enterprises = numbers.Select(n => (n.Digits, n.ToString(), names.FirstOrDefault(p => p.EnterpriseNumber == n)?.Name ?? n.ToString()))
            .OrderBy(e => e.Item3, StringComparer.CurrentCulture).ToList();
        Chosen = Enterprises.Count == 1 ? Enterprises[0]
            : EnterpriseNumber.TryParse(Enterprise, out var wanted, out _) ? Enterprises.Where(e => e.Digits == wanted.Digits).Cast<(string, string, string)?>().FirstOrDefault()
            : null;
        if (Enterprise is { Length: > 0 } && Chosen is null)
        {
            // A number the person holds no mandate for does not exist for them.
            return NotFound();
        }

        if (Chosen is { } chosen)
        {
            Dossiers = await dossiers.ListAsync(EnterpriseNumber.Parse(chosen.Digits), cancellationToken);
        }

        return Page();
    }
}
