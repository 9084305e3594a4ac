using DigitalWallonia.Platform.Certificates;
using DigitalWallonia.Platform.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DigitalWallonia.Web.Public;

/// <summary>Anyone checks a certificate by its number (<c>?numero=</c>), through <see cref="CertificateVerifier"/>, without signing in.</summary>
[AllowAnonymous]
public sealed class VerifyModel(CertificateVerifier verifier, PlatformDbContext db) : PageModel
{
    [BindProperty(Name = "numero", SupportsGet = true)]
    public string? Number { get; set; }

    public CertificateCheck? Check { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Number is null)
        {
            return Page();
        }

        Number = Number.Trim().ToUpperInvariant();
        if (Number.Length == 0 || Number.Length > 64)
        {
            Error = PublicText.T("verify.required");
        }
        else if ((Check = await verifier.VerifyAsync(db, Number, null, cancellationToken)) is null)
        {
            Error = PublicText.T("verify.unknown", Number);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
