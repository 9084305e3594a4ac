namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>An expression inside a mustache; <see cref="Offset"/> is its start in the file.</summary>
internal abstract record HbsExpression(int Offset, string Text);
