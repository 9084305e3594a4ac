namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>The names people know file types by, and their usual extensions (which file pickers filter on).</summary>
internal static class MediaTypes
{
    private static readonly Dictionary<string, (string Name, string Extensions)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = ("PDF", ".pdf"),
        ["image/jpeg"] = ("JPEG", ".jpg,.jpeg"),
        ["image/png"] = ("PNG", ".png"),
        ["text/csv"] = ("CSV", ".csv"),
        ["text/plain"] = ("TXT", ".txt"),
        ["application/zip"] = ("ZIP", ".zip"),
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ("Word (DOCX)", ".docx"),
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ("Excel (XLSX)", ".xlsx"),
        ["application/vnd.oasis.opendocument.text"] = ("OpenDocument (ODT)", ".odt"),
        ["application/vnd.oasis.opendocument.spreadsheet"] = ("OpenDocument (ODS)", ".ods"),
    };

    public static string Name(string mediaType) => Known.TryGetValue(mediaType, out var known) ? known.Name : mediaType;

    /// <summary>An <c>accept</c> attribute: each media type and its extensions.</summary>
    public static string Accept(IEnumerable<string> mediaTypes) =>
        string.Join(',', mediaTypes.Select(m => Known.TryGetValue(m, out var known) ? $"{m},{known.Extensions}" : m));
}
