namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>The declaration of <c>templates/{key}.model.json</c>: what the template produces and the fields it may use.</summary>
public sealed record TemplateModel(string Key, TemplateKind Kind, string? Description, ModelType Root, string File);
