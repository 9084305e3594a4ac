using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DigitalWallonia.Web.Identity;

/// <summary>The local provider's sign-in page: choose a demonstration person and an assurance level (404 when the provider is off).</summary>
[AllowAnonymous]
public sealed class SignInModel(IOptions<LocalProviderOptions> options) : PageModel
{
    public sealed class SignInInput
    {
        [Required]
        public string? Subject { get; set; }

        public string Level { get; set; } = AssuranceLevels.High;
    }

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<Persona> Personas => options.Value.Personas;

    public IActionResult OnGet() => options.Value.Enabled ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        var persona = Input.Subject is null ? null : options.Value.Find(Input.Subject);
        if (persona is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Subject)}", Shared.Ui.T("signin.error.person"));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var level = Input.Level == AssuranceLevels.Low ? AssuranceLevels.Low : AssuranceLevels.High;
        var identity = new ClaimsIdentity(
            [new Claim(Claims.Subject, persona.Subject), new Claim(Claims.Name, persona.Name), new Claim(Claims.AuthenticationContextReference, level)],
            LocalProvider.SessionScheme, Claims.Name, Claims.Role);
        await HttpContext.SignInAsync(LocalProvider.SessionScheme, new ClaimsPrincipal(identity));
        // Only back into the provider's own authorization endpoint, never to an address given by someone else.
        return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
