using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DigitalWallonia.Web.Identity;

/// <summary>
/// The local provider's sign-in page: choose a demonstration person, type their PIN and choose an assurance level (404 when
/// the provider is off). Wrong PINs count towards a lockout (<see cref="SignInLockouts"/>).
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(IOptions<LocalProviderOptions> options, SignInLockouts lockouts) : PageModel
{
    public sealed class SignInInput
    {
        [Required]
        public string? Subject { get; set; }

        public string? Pin { get; set; }

        public string Level { get; set; } = AssuranceLevels.High;
    }

    public const string SubjectField = $"{nameof(Input)}.{nameof(SignInInput.Subject)}";

    public const string PinField = $"{nameof(Input)}.{nameof(SignInInput.Pin)}";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<Persona> Personas => options.Value.Personas;

    public LockoutOptions Lockout => options.Value.Lockout;

    public IActionResult OnGet() => options.Value.Enabled ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        var persona = Input.Subject is null ? null : options.Value.Find(Input.Subject);
        if (persona is null)
        {
            return Refused(SubjectField, Shared.Ui.T("signin.error.person"));
        }

        if (await lockouts.LockedUntilAsync(persona.Subject, cancellationToken) is { } lockedUntil)
        {
            return Refused(PinField, Locked(lockedUntil));
        }

        if (!PinMatches(persona, Input.Pin))
        {
            var (failures, lockedNow) = await lockouts.FailedAsync(persona.Subject, cancellationToken);
            return Refused(PinField, lockedNow is { } until ? Locked(until) : Shared.Ui.T("signin.error.pin", lockouts.Remaining(failures)));
        }

        await lockouts.SucceededAsync(persona.Subject, cancellationToken);
        var level = Input.Level == AssuranceLevels.Low ? AssuranceLevels.Low : AssuranceLevels.High;
        var identity = new ClaimsIdentity(
            [new Claim(Claims.Subject, persona.Subject), new Claim(Claims.Name, persona.Name), new Claim(Claims.AuthenticationContextReference, level)],
            LocalProvider.SessionScheme, Claims.Name, Claims.Role);
        await HttpContext.SignInAsync(LocalProvider.SessionScheme, new ClaimsPrincipal(identity));
        // Only back into the provider's own authorization endpoint, never to an address given by someone else.
        return LocalRedirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private PageResult Refused(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
    }

    // The time of day in Brussels, as the person reads their clock.
    private string Locked(DateTimeOffset until) =>
        Shared.Ui.T("signin.error.locked", TimeZoneInfo.ConvertTime(until, Brussels).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));

    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    // Compared in constant time, like a real secret; an empty configured PIN matches nothing.
    private static bool PinMatches(Persona persona, string? typed) =>
        persona.Pin.Length > 0 && typed is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(persona.Pin), Encoding.UTF8.GetBytes(typed.Trim()));
}
