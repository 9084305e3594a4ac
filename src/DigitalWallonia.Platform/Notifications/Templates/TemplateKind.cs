namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>What to render from a template.</summary>
public enum TemplateKind
{
    /// <summary>An e-mail: <c>.subject.hbs</c>, <c>.html.hbs</c> (inside <c>layouts/email.html.hbs</c>) and <c>.txt.hbs</c>.</summary>
    Email,

    /// <summary>
    /// A letter printed on A4 and stored as a document: <c>.subject.hbs</c> (its title) and <c>.letter.hbs</c> (inside
    /// <c>layouts/letter.html.hbs</c>).
    /// </summary>
    Letter,
}
