namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>The declaration of <c>templates/{key}.model.json</c>: the fields the template may use.</summary>
public sealed record TemplateModel(string Key, string? Description, ModelType Root, string File);
