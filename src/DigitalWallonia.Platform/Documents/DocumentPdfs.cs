using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Documents;

/// <summary>
/// A dossier's letter or certificate as a PDF download (<see cref="LetterPdf"/>): only a document the platform issued as
/// HTML (a decision letter, a certificate), only of the dossier named. A certificate's PDF carries its verification number
/// and where to verify it at the foot of every page.
/// </summary>
public sealed class DocumentPdfs(PlatformDbContext db, DocumentArchive archive, IOptions<SiteOptions> site)
{
    /// <summary>The PDF of document <paramref name="documentId"/> of dossier <paramref name="dossierId"/>; null when there is none to make.</summary>
    public async Task<(string FileName, byte[] Content)?> ReadAsync(long dossierId, string reference, long documentId, CancellationToken cancellationToken)
    {
        if (await archive.ReadAsync(db, documentId, cancellationToken) is not { } read || read.Document.DossierId != dossierId
            || !read.Document.MediaType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var english = read.Document.Language == "en";
        var number = await db.Certificates.AsNoTracking().Where(c => c.DocumentId == documentId).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken);
        var verify = $"{site.Value.BaseUrl.TrimEnd('/')}/certificats/verifier";
        var footer = number is null
            ? $"Digital Wallonia — {reference}"
            : english ? $"Certificate no. {number} — verify it at {verify}" : $"Certificat n° {number} — vérifiable sur {verify}";
        var html = System.Text.Encoding.UTF8.GetString(read.Content);
        var name = Path.GetFileNameWithoutExtension(read.Document.FileName);
        return ($"{reference}-{name}.pdf", LetterPdf.Render(html, $"{reference} — {name}", footer));
    }
}
