namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// One <c>{{...}}</c> of a template: its kind, where it starts in the file, and its parsed content (null for comments,
/// a plain <c>{{else}}</c> and mustaches that failed to parse).
/// </summary>
internal sealed record Mustache(MustacheKind Kind, int Offset, HbsCall? Call);
