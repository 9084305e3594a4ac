using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>
/// What a form holds for one declared field, as typed: the raw text of a value (a date's three parts), the chosen file of a
/// document, an object's fields, a list's rows. Kept as typed so that a refused form comes back as the person wrote it;
/// <see cref="InputJson"/> turns it into the action's typed input.
/// </summary>
internal sealed class FormNode(InputField field)
{
    /// <summary>The part names of a date's three inputs; a single-value field has the one part "".</summary>
    public static readonly string[] DateParts = ["day", "month", "year"];

    /// <summary>The hidden inputs that carry an already stored document's descriptor through a form.</summary>
    public static readonly string[] DocumentParts = ["id", "name", "mediaType", "size", "sha256"];

    public InputField Field { get; } = field;

    /// <summary>Raw texts by part: "" for a single value, <see cref="DateParts"/> for a date, <see cref="DocumentParts"/> for a document.</summary>
    public Dictionary<string, string> Parts { get; } = new(StringComparer.Ordinal);

    /// <summary>The file chosen for a document field in this post.</summary>
    public IFormFile? File { get; set; }

    /// <summary>An object's fields, in declaration order.</summary>
    public List<FormNode> Children { get; } = [];

    /// <summary>A list's rows, in order.</summary>
    public List<FormNode> Items { get; } = [];

    public string Value => Parts.GetValueOrDefault("") ?? string.Empty;

    /// <summary>A node for <paramref name="field"/> with its object fields in place and no value.</summary>
    public static FormNode Blank(InputField field)
    {
        var node = new FormNode(field);
        if (field.Type == InputFieldType.Object)
        {
            node.Children.AddRange(field.Fields.Select(Blank));
        }
        else if (field is { Type: InputFieldType.List, Item: { } item, Min: { } min } && min >= 1)
        {
            // A list that needs rows starts with them, so nobody has to ask for the first one (at most 5: the rest on demand).
            node.Items.AddRange(Enumerable.Range(0, (int)Math.Min(min, 5)).Select(_ => Blank(item)));
        }

        return node;
    }

    /// <summary>Nothing typed, chosen or attached anywhere under it: a row left empty is not an item.</summary>
    public bool IsBlank => File is null
        && Parts.Values.All(string.IsNullOrWhiteSpace)
        && Children.All(c => c.IsBlank)
        && Items.All(i => i.IsBlank);

    /// <summary>Drops the list rows left empty, at every depth, so that row numbers are the typed input's item indexes.</summary>
    public void DropBlankRows()
    {
        Items.RemoveAll(i => i.IsBlank);
        foreach (var node in Children.Concat(Items))
        {
            node.DropBlankRows();
        }
    }
}
