using System.Globalization;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>Reads a posted form back into <see cref="FormNode"/>s by walking the declaration, never the posted names.</summary>
internal static class FormReader
{
    public static List<FormNode> Read(IReadOnlyList<InputField> fields, IFormCollection form, string prefix) =>
        [.. fields.Select(f => Read(f, form, prefix, f.Key))];

    private static FormNode Read(InputField field, IFormCollection form, string prefix, string path)
    {
        var node = new FormNode(field);
        var name = FormPaths.Name(prefix, path);
        switch (field.Type)
        {
            case InputFieldType.Object:
                node.Children.AddRange(field.Fields.Select(f => Read(f, form, prefix, FormPaths.Child(path, f.Key))));
                break;
            case InputFieldType.List:
                if (field.Item is { } item)
                {
                    node.Items.AddRange(RowIndexes(form, name).Select(i => Read(item, form, prefix, FormPaths.Item(path, i))));
                }

                break;
            case InputFieldType.Date:
                foreach (var part in FormNode.DateParts)
                {
                    node.Parts[part] = form[$"{name}.{part}"].ToString();
                }

                break;
            case InputFieldType.Document:
                node.File = form.Files.GetFile(name) is { Length: > 0 } file ? file : null;
                foreach (var part in FormNode.DocumentParts)
                {
                    if (form.TryGetValue($"{name}.{part}", out var kept))
                    {
                        node.Parts[part] = kept.ToString();
                    }
                }

                break;
            default:
                node.Parts[""] = form[name].ToString();
                break;
        }

        return node;
    }

    // The row numbers posted under a list (input.partners[0].name, input.partners[3]...), in order; gaps are fine.
    private static IEnumerable<int> RowIndexes(IFormCollection form, string listName)
    {
        var start = listName + "[";
        return form.Keys.Concat(form.Files.Select(f => f.Name))
            .Where(k => k.StartsWith(start, StringComparison.Ordinal))
            .Select(k => k.IndexOf(']', start.Length) is var end and > 0
                && int.TryParse(k.AsSpan(start.Length, end - start.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1)
            .Where(i => i >= 0)
            .Distinct()
            .Order();
    }
}
