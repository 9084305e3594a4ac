namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// A problem in a template or model file. <see cref="Line"/> and <see cref="Column"/> start at 1; columns count UTF-16
/// characters. <see cref="Code"/> is stable (<c>DW5xxx</c>, listed in docs/notifications.md).
/// </summary>
public sealed record TemplateDiagnostic(string File, int Line, int Column, string Code, string Message)
{
    /// <summary><c>FILE:LINE:COL: CODE: message</c>, the form editors and the CLI understand.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Code}: {Message}";
}
