using System.Text;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Notifications.Templates;
using DigitalWallonia.Platform.Persistence;

namespace DigitalWallonia.Platform.Documents;

/// <summary>
/// Renders the letter of a template (<c>{key}.letter.hbs</c>, HTML for print on A4) and stores it as a document of the
/// dossier (the workflow action <c>issueDocument</c>). The rendered HTML is what is kept, so the letter stays exactly as
/// issued when templates change later.
/// </summary>
public sealed class DocumentIssuer(TemplateRenderer renderer, DocumentArchive archive)
{
    public const string HtmlMediaType = "text/html; charset=utf-8";

    /// <exception cref="TemplateException">The template is unknown, broken, has no letter, or the model does not match it.</exception>
    public async Task<Document> IssueAsync(PlatformDbContext db, long dossierId, string kind, string templateKey, string language,
        JsonNode model, string createdBy, long? supersedesId, CancellationToken cancellationToken)
    {
        var rendered = renderer.Render(templateKey, language, model, TemplateKind.Letter);

        var draft = new NewDocument(dossierId, kind, rendered.Language, HtmlMediaType, $"{kind}-{rendered.Language}.html", createdBy, supersedesId);
        return await archive.AddAsync(db, draft, Encoding.UTF8.GetBytes(rendered.Html), cancellationToken);
    }
}
