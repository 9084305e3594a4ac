namespace DigitalWallonia.Workflows.Definitions;

/// <summary>
/// One field a person gives with an action: its <see cref="Key"/> (what rules read as <c>input.KEY</c>), its
/// <see cref="Type"/>, labels and help for the form, whether it is required, and the constraints the runtime checks
/// before anything is stored. Which constraints apply depends on the type (docs/workflows.md, "Action input"); the
/// validator reports one given where it does not apply.
/// </summary>
public sealed record InputField(string Key, InputFieldType Type)
{
    /// <summary>The form's label; French required.</summary>
    public LocalizedText Label { get; init; } = LocalizedText.Empty;

    /// <summary>A sentence under the field; optional, French required when given.</summary>
    public LocalizedText Help { get; init; } = LocalizedText.Empty;

    /// <summary>Whether the field must be given (not null). Defaults to true: an action asks for what it needs.</summary>
    public bool Required { get; init; } = true;

    /// <summary>
    /// Personal data (a person's name, an e-mail address): kept with the action in the history's erasable column, so it
    /// can be erased (GDPR) without touching the rest.
    /// </summary>
    public bool Personal { get; init; }

    /// <summary>Smallest value (money, decimal, integer) or number of items (list), inclusive.</summary>
    public decimal? Min { get; init; }

    /// <summary>Largest value (money, decimal, integer) or number of items (list), inclusive.</summary>
    public decimal? Max { get; init; }

    /// <summary>Most characters (text, long text, e-mail).</summary>
    public int? MaxLength { get; init; }

    /// <summary>A .NET regular expression the whole value must match (text, long text).</summary>
    public string? Pattern { get; init; }

    /// <summary>The answers of a choice, in display order.</summary>
    public IReadOnlyList<InputOption> Options { get; init; } = [];

    /// <summary>The media types a document may have (<c>application/pdf</c>).</summary>
    public IReadOnlyList<string> MediaTypes { get; init; } = [];

    /// <summary>A document's largest size in bytes.</summary>
    public int? MaxSize { get; init; }

    /// <summary>The fields of an object.</summary>
    public IReadOnlyList<InputField> Fields { get; init; } = [];

    /// <summary>What each item of a list is: a value of any type (a choice for a list of commitments) or an object (a partner enterprise).</summary>
    public InputField? Item { get; init; }
}
