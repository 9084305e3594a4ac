using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DigitalWallonia.Web.Tests.Forms;

namespace DigitalWallonia.Web.Tests.Admin;

/// <summary>Fills and posts the administration pages' forms as a browser without script does.</summary>
internal static class AdminForms
{
    /// <summary>Opens <paramref name="address"/>, fills its grant form (text by field key, a choice by value) and posts it.</summary>
    public static async Task<HttpResponseMessage> GrantAsync(HttpClient browser, string address, IReadOnlyDictionary<string, string> values)
    {
        var page = await AdminSession.ParseAsync(await browser.GetStringAsync(new Uri(address, UriKind.Relative)));
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action")!.Contains("handler=Grant", StringComparison.Ordinal));
        foreach (var (key, value) in values)
        {
            if (page.GetElementById($"input-{key}") is IHtmlInputElement { Type: not "radio" } text)
            {
                text.Value = value;
            }
            else if (page.GetElementById($"input-{key}") is IHtmlSelectElement select)
            {
                select.Value = value;
            }
            else
            {
                page.QuerySelectorAll<IHtmlInputElement>($"input[type=radio][name=\"input.{key}\"]").Single(r => r.Value == value).IsChecked = true;
            }
        }

        return await browser.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative),
            new FormUrlEncodedContent(FormFiller.Values(form).Select(v => new KeyValuePair<string, string>(v.Name, v.Value))));
    }

    /// <summary>Presses the "Retirer" button of the table row matching <paramref name="row"/> (a CSS selector).</summary>
    public static async Task<HttpResponseMessage> RevokeAsync(HttpClient browser, string address, string row)
    {
        var page = await AdminSession.ParseAsync(await browser.GetStringAsync(new Uri(address, UriKind.Relative)));
        var form = page.QuerySelector(row)?.QuerySelector<IHtmlFormElement>("form") ?? throw new InvalidOperationException($"No revocation form in {row}.");
        return await browser.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative),
            new FormUrlEncodedContent(FormFiller.Values(form).Select(v => new KeyValuePair<string, string>(v.Name, v.Value))));
    }

    public static async Task<IDocument> PageAsync(HttpResponseMessage response) =>
        await AdminSession.ParseAsync(await response.Content.ReadAsStringAsync());

    public static void Ok(HttpResponseMessage response) => Assert.Equal(HttpStatusCode.OK, response.StatusCode);
}
