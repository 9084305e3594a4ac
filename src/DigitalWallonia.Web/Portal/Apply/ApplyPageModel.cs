using DigitalWallonia.Platform.Applications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Access;
using DigitalWallonia.Web.Portal.Programmes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Portal.Apply;

/// <summary>
/// What every page of an application starts with: the programme (one the portal takes applications for) and the
/// enterprise, which must be one the person's mandates cover — any other answers 404, as if it did not exist.
/// </summary>
public abstract class ApplyPageModel(Applications applications, PlatformDbContext db) : PageModel
{
    /// <summary>The sections of an application, in order: each one topic, one page.</summary>
    public static readonly IReadOnlyList<string> Sections = ["entreprise", "prestataire", "prestation", "declaration"];

    [BindProperty(SupportsGet = true)]
    public string Programme { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Enterprise { get; set; } = "";

    protected Applications Applications => applications;

    public ActingFor Company { get; private set; } = null!;

    public Requester Person { get; private set; } = null!;

    public ApplicationDraft? Draft { get; protected set; }

    public string Home => $"/Portal/Apply/{Programme}/{Company.Number.Digits}";

    /// <summary>Null when the page may go on; else the answer (sign in, or 404).</summary>
    protected async Task<IActionResult?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (!Programmes.IndexModel.Applicable.Contains(Programme))
        {
            return NotFound();
        }

        if (Requester.Of(User) is not { } requester)
        {
            return Challenge();
        }

        if (ActingFor.Find(await ActingFor.OfAsync(requester, db, cancellationToken), Enterprise) is not { } company)
        {
            return NotFound();
        }

        Person = requester;
        Company = company;
        Draft = await applications.DraftAsync(Programme, company.Number, cancellationToken);
        return null;
    }

    /// <summary>The roles the person acts with for the company: those of their mandates for it.</summary>
    protected IReadOnlyList<string> MandateRoles() =>
        [.. Person.Mandates.Where(m => m.Enterprise == Company.Number).Select(m => m.Role).Distinct(StringComparer.Ordinal)];
}
