namespace DigitalWallonia.Web.Api;

/// <summary>
/// Section <c>Api:Uploads</c>: what a file uploaded to a dossier may be. Checked before anything is stored, with a message
/// that states the limit; an action whose input then names the document checks it again against its own declaration
/// (a field's <c>mediaTypes</c> and <c>maxSize</c>), which may be stricter.
/// </summary>
public sealed class UploadOptions
{
    public const string Section = "Api:Uploads";

    /// <summary>The largest file, in bytes. Defaults to 10 MiB, the largest the programmes' document fields accept.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The media types accepted. Defaults to PDF, JPEG and PNG, whose content is checked to be what its type says.</summary>
    public List<string> MediaTypes { get; set; } = ["application/pdf", "image/jpeg", "image/png"];
}
