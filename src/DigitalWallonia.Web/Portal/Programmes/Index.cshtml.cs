using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Portal.Programmes;

/// <summary>
/// The programmes a company may apply for, each in plain words, and one programme's page with the eligibility pre-check
/// (<see cref="EligibilityPreCheck"/>) for an enterprise the person acts for: a GET, nothing stored, nothing created.
/// </summary>
public sealed class IndexModel(EligibilityPreCheck preCheck, PlatformDbContext db) : PageModel
{
    /// <summary>The programmes shown, in the order a company meets them.</summary>
    public static readonly IReadOnlyList<string> Shown = ["voucher", "rentic", "cyber", "label"];

    /// <summary>The programmes one can apply for on the portal today (the others are described, with their pre-check).</summary>
    public static readonly IReadOnlySet<string> Applicable = new HashSet<string>(StringComparer.Ordinal) { "voucher" };

    [BindProperty(SupportsGet = true)]
    public string? Programme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Enterprise { get; set; }

    public IReadOnlyList<ActingFor> Enterprises { get; private set; } = [];

    public ActingFor? Chosen { get; private set; }

    public PreCheckResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Programme is not null && !Shown.Contains(Programme, StringComparer.Ordinal))
        {
            return NotFound();
        }

        if (Requester.Of(User) is not { } requester)
        {
            return Challenge();
        }

        Enterprises = await ActingFor.OfAsync(requester, db, cancellationToken);
        if (Programme is null || Enterprise is null)
        {
            return Page();
        }

        Chosen = ActingFor.Find(Enterprises, Enterprise);
        if (Chosen is null)
        {
            return NotFound();
        }

        Result = await preCheck.RunAsync(Programme, Chosen.Number, cancellationToken);
        return Page();
    }
}
