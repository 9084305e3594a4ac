using System.Net;
using System.Text.RegularExpressions;
using DigitalWallonia.Web.Identity;

namespace DigitalWallonia.Web.Tests.SignIn;

/// <summary>Signs a persona in through the local provider with plain HTTP, as a browser without script would.</summary>
internal static partial class SignInJourney
{
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string subject, string level = AssuranceLevels.High,
        string start = "/account/sign-in", string? pin = null)
    {
        var signInPage = await browser.GetAsync(new Uri(start, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.Equal("/identity/sign-in", signInPage.RequestMessage!.RequestUri!.AbsolutePath);
        var html = await signInPage.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>
        {
            ["Input.Subject"] = subject,
            ["Input.Pin"] = pin ?? DemoPeople.PinOf(subject),
            ["Input.Level"] = level,
            ["ReturnUrl"] = WebUtility.HtmlDecode(HiddenValue().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No ReturnUrl on the sign-in page.")),
            ["__RequestVerificationToken"] = Token(html),
        };
        return await browser.PostAsync(signInPage.RequestMessage.RequestUri, new FormUrlEncodedContent(form));
    }

    public static string Token(string html) =>
        TokenValue().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token in the page.");

    [GeneratedRegex("name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenValue();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex TokenValue();
}
