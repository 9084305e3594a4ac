namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>A helper call in parentheses used as an argument: <c>(money amount)</c>.</summary>
internal sealed record HbsSubExpression(int Offset, string Text, HbsCall Call) : HbsExpression(Offset, Text);
