namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>The files of a template in one language: <c>{key}.subject.hbs</c>, <c>.html.hbs</c>, <c>.txt.hbs</c>.</summary>
public enum TemplatePart
{
    Subject,
    Html,
    Text,
}
