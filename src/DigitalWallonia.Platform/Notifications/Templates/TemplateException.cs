namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// A message cannot be rendered: unknown template, a template with errors, or a model that does not match its
/// declaration. Retrying does not help; fixing the template or the model does.
/// </summary>
public sealed class TemplateException(string message) : Exception(message);
