using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>
/// One field as the partial <c>_Field.cshtml</c> draws it: its names and ids, its texts in the current language, what
/// was typed and its error. Built by <see cref="ActionForm"/>; pages do not build these.
/// </summary>
public sealed record FieldView
{
    public required InputField Field { get; init; }

    /// <summary>The path the runtime names (<c>partners[1].share</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The input's name (<c>input.partners[1].share</c>); a date's parts add <c>.day</c>, <c>.month</c>, <c>.year</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The control's id, or the fieldset's for a group (radios, date, object, list).</summary>
    public required string Id { get; init; }

    public required string Label { get; init; }

    /// <summary>The help and the constraints, said in full (a document's accepted types and size limit); null when none.</summary>
    public string? Hint { get; init; }

    /// <summary>The first error of this field, localised; null when none.</summary>
    public string? Error { get; init; }

    /// <summary>The id an error summary links to: the control itself, a date's day, a group's first option, a list's first control.</summary>
    public required string FocusId { get; init; }

    /// <summary>What was typed (single-value fields), or a date's and a kept document's parts by name.</summary>
    public string Value { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string> Parts { get; init; } = new Dictionary<string, string>();

    /// <summary>A choice's (or a yes/no question's) answers: value and label.</summary>
    public IReadOnlyList<(string Value, string Label)> Options { get; init; } = [];

    /// <summary>An object's fields, or a list's rows (each an object's fieldset or a single value).</summary>
    public IReadOnlyList<FieldView> Children { get; init; } = [];

    /// <summary>A list row that may be removed (a list above its minimum).</summary>
    public bool Removable { get; init; }

    /// <summary>A list that may take one more row.</summary>
    public bool CanAdd { get; init; }

    /// <summary>A document's <c>accept</c> attribute: its media types and their usual extensions.</summary>
    public string? Accept { get; init; }

    /// <summary>Where focus goes after a row was added (the new row's first control).</summary>
    public bool Focus { get; init; }

    /// <summary>A choice of more answers than radios show well: a select.</summary>
    public bool AsSelect => Field.Type == InputFieldType.Choice && Options.Count > RadiosAtMost;

    /// <summary>Draws the field as a fieldset with a legend (radios, a date, an object, a list, a list's object row).</summary>
    public bool IsGroup => Field.Type is InputFieldType.Boolean or InputFieldType.Date or InputFieldType.Object or InputFieldType.List
        || (Field.Type == InputFieldType.Choice && !AsSelect);

    /// <summary>GOV.UK's advice: radios for a few answers, a select beyond.</summary>
    public const int RadiosAtMost = 7;

    public string HintId => $"{Id}-hint";

    public string ErrorId => $"{Id}-error";

    /// <summary>The hint's and the error's ids, as <c>aria-describedby</c> wants them; null when neither is shown.</summary>
    public string? DescribedBy =>
        string.Join(' ', new[] { Hint is null ? null : HintId, Error is null ? null : ErrorId }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
