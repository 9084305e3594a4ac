namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>A <c>name=value</c> argument.</summary>
internal sealed record HbsHashArgument(string Name, int Offset, HbsExpression Value);
