namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// A rendered template. <see cref="Language"/> is the language actually used (French when the requested one does not
/// exist). <see cref="Html"/> is the full document inside its layout; <see cref="Text"/> is null for letters.
/// </summary>
public sealed record RenderedTemplate(string Key, string Language, TemplateKind Kind, string Subject, string Html, string? Text);
