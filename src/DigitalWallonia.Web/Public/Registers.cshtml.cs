using System.Globalization;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Public;

/// <summary>
/// The public lists, as of today, without signing in: labelled providers, accredited cybersecurity professionals and
/// labelled Digital Wallonia initiatives, read from the registers; each searchable by name, enterprise number or reference.
/// </summary>
[AllowAnonymous]
public sealed class RegistersModel(Registrations registrations, LabelledInitiatives initiatives, TimeProvider clock) : PageModel
{
    /// <summary>The lists by their address, with the register each reads (null: the labelled initiatives).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Lists = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["prestataires"] = "provider",
        ["professionnels-cybersecurite"] = "cyber-professional",
        ["initiatives"] = null,
    };

    [BindProperty(SupportsGet = true)]
    public string List { get; set; } = "";

    [BindProperty(Name = "q", SupportsGet = true)]
    public string? Query { get; set; }

    public DateOnly Today { get; private set; }

    /// <summary>One row per registration in force: name, enterprise number, reference, valid until, and the initiative's promoter and theme.</summary>
    public IReadOnlyList<(string Name, string? EnterpriseNumber, string Reference, DateOnly? ValidUntil, string? Promoter, string? Category, string? Website)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Lists.TryGetValue(List, out var register))
        {
            return NotFound();
        }

        Today = DeadlinePlanner.LegalDate(clock.GetUtcNow());
        Query = Query?.Trim();
        var rows = register is null
            ? (await initiatives.ListAsync(Today, cancellationToken))
                .Select(i => (i.Name, i.PromoterEnterpriseNumber, i.Reference, i.ValidUntil, (string?)i.Promoter, i.Category, i.Website))
            : (await registrations.ListAsync(register, Today, cancellationToken)).Where(r => r.InForce)
                .Select(r => (r.PartyName, r.EnterpriseNumber, r.Reference, r.ValidUntil, (string?)null, (string?)null, (string?)null));
        Rows = [.. rows.Where(r => Matches(r.Item1, r.Item2, r.Item3, r.Item5)).OrderBy(r => r.Item1, StringComparer.Create(CultureInfo.GetCultureInfo("fr-BE"), true))];
        return Page();
    }

    // Accents and case aside ("liege" finds Liège), and the enterprise number with or without its dots.
    private bool Matches(params string?[] values)
    {
        if (string.IsNullOrEmpty(Query))
        {
            return true;
        }

        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var digits = new string(Query.Where(char.IsAsciiDigit).ToArray());
        return values.Any(v => v is not null
            && (compare.IndexOf(v, Query, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0
                || (digits.Length >= 4 && new string(v.Where(char.IsAsciiDigit).ToArray()).Contains(digits, StringComparison.Ordinal))));
    }
}
