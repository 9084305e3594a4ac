namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>A template or partial file with its mustaches, scanned once.</summary>
internal sealed record ParsedTemplate(SourceText Source, IReadOnlyList<Mustache> Mustaches, bool HasSyntaxErrors);
