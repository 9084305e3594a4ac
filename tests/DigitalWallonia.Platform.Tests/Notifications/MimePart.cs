namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>One decoded body part: its Content-Type header and its text.</summary>
internal sealed record MimePart(string ContentType, string Text);
