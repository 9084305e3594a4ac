namespace DigitalWallonia.Web.Reporting;

/// <summary>One labelled text field of a reporting form, with its hint and error (Reporting/_Field.cshtml).</summary>
public sealed record FieldModel(string Id, string Name, string Label, string? Hint, string? Value, string? Error,
    bool Multiline = false, string? InputMode = null, string? Width = null);
