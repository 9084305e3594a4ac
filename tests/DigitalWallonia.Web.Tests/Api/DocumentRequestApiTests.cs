using System.Net;
using System.Net.Http.Headers;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Tests.SignIn;
using DigitalWallonia.Web.Tests.Workspace;

namespace DigitalWallonia.Web.Tests.Api;

/// <summary>
/// The demo's RENTIC dossier waiting for two items, answered through the API one item at a time: refusals say the limit
/// and store nothing, the last answer resumes the dossier, and another company sees neither the request nor its page.
/// </summary>
[Collection(WorkspaceCollection.Name)]
public class DocumentRequestApiTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task A_company_answers_each_item_through_the_API_and_the_last_answer_resumes_the_dossier()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await host.ReferenceAsync("rentic", "documents-requested");
        var claire = await host.SignedInAsync("claire.dubois");
        var antiforgery = SignInJourney.Token(await claire.GetStringAsync(new Uri($"/Portal/Requests/{reference}", UriKind.Relative)));
        // Thomas Gilson acts for Namur Digital SA, no party of this dossier (Sofia Martin would be: she represents its provider).
        var stranger = await host.SignedInAsync("thomas.gilson");

        var open = await ApiHost.JsonAsync(await claire.GetAsync(new Uri($"/api/v1/dossiers/{reference}/document-request", UriKind.Relative)));
        var exe = await AnswerAsync(claire, reference, 0, "devis.exe", "application/x-msdownload", [0x4D, 0x5A], antiforgery);
        var disguised = await AnswerAsync(claire, reference, 0, "devis.pdf", "application/pdf", [0x4D, 0x5A], antiforgery);
        var first = await AnswerAsync(claire, reference, 0, "devis.pdf", "application/pdf", Pdf, antiforgery);
        var strangerRead = await stranger.GetAsync(new Uri($"/api/v1/dossiers/{reference}/document-request", UriKind.Relative));
        var strangerPage = await stranger.GetAsync(new Uri($"/Portal/Requests/{reference}", UriKind.Relative));
        var last = await AnswerAsync(claire, reference, 1, "comptes.pdf", "application/pdf", Pdf, antiforgery);

        Assert.Equal(["Devis détaillé signé par le prestataire", "Derniers comptes annuels déposés"],
            open.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, exe.StatusCode);
        Assert.Equal("media-type-refused", (await ApiHost.JsonAsync(exe)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, disguised.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var afterFirst = await ApiHost.JsonAsync(first);
        Assert.Equal(JsonValueKindNull, afterFirst.GetProperty("resumedTo").ValueKind);
        Assert.Equal(["devis.pdf"], afterFirst.GetProperty("request").GetProperty("items")[0].GetProperty("files").EnumerateArray()
            .Select(f => f.GetProperty("fileName").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, strangerRead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal("under-review", (await ApiHost.JsonAsync(last)).GetProperty("resumedTo").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync(new Uri($"/api/v1/dossiers/{reference}/document-request", UriKind.Relative))).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string reference, int item, string name, string type, byte[] content,
        string antiforgery)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/dossiers/{reference}/document-request/items/{item}", UriKind.Relative))
        {
            Content = form,
        };
        request.Headers.Add("RequestVerificationToken", antiforgery);
        return await client.SendAsync(request);
    }
}
