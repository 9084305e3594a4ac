namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>A string, number, boolean, null or undefined literal.</summary>
internal sealed record HbsLiteral(int Offset, string Text, bool IsString) : HbsExpression(Offset, Text);
