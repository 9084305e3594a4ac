namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// The files of a template in one language: <c>{key}.subject.hbs</c> always; <c>.html.hbs</c> and <c>.txt.hbs</c> for
/// an e-mail; <c>.letter.hbs</c> for a letter. A key may have both (a decision e-mailed and issued as a letter).
/// </summary>
public enum TemplatePart
{
    Subject,
    Html,
    Text,
    Letter,
}
