using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>
/// Builds the <see cref="FieldView"/>s of a form: names and ids from paths, texts in the current language, each error on
/// the deepest field its path names (a document's <c>evidence.size</c> on <c>evidence</c>, an unknown path on the form's
/// first field), and the rows a list shows (at least one, at least its minimum).
/// </summary>
internal sealed class FormViews(ActionForm form, IReadOnlyList<FormNode> nodes, IReadOnlyList<FieldErrorEntry> errors, FormNode? focus)
{
    private readonly Dictionary<string, FieldErrorEntry> _errorsByTarget = new(StringComparer.Ordinal);

    public IReadOnlyList<FieldView> Build()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            CollectPaths(node, node.Field.Key, paths);
        }

        foreach (var error in errors)
        {
            var target = error.Path;
            while (target is not null && !paths.Contains(target))
            {
                target = FormPaths.Parent(target);
            }

            // The first error of a field is the one shown (GOV.UK: one message per field).
            _errorsByTarget.TryAdd(target ?? nodes.FirstOrDefault()?.Field.Key ?? string.Empty, error);
        }

        return [.. nodes.Select(n => View(n, n.Field.Key, FieldTexts.Text(n.Field.Label), FieldTexts.Text(n.Field.Label)))];
    }

    private FieldView View(FormNode node, string path, string label, string messageLabel, bool removable = false)
    {
        var field = node.Field;
        var id = FormPaths.Id(form.Prefix, path);
        var children = field.Type switch
        {
            InputFieldType.Object => node.Children.Select(c =>
            {
                var childLabel = FieldTexts.Text(c.Field.Label);
                return View(c, FormPaths.Child(path, c.Field.Key), childLabel, $"{messageLabel} : {childLabel}");
            }).ToList(),
            InputFieldType.List => Rows(node, path, label),
            _ => [],
        };
        var options = field.Type switch
        {
            InputFieldType.Boolean => [("true", Ui.T("form.yes")), ("false", Ui.T("form.no"))],
            InputFieldType.Choice => field.Options.Select(o => (o.Value, FieldTexts.Text(o.Label))).ToList(),
            _ => new List<(string, string)>(),
        };
        var error = _errorsByTarget.TryGetValue(path, out var entry)
            ? entry.Message ?? FieldTexts.Error(entry.Error!, field, messageLabel) // an entry has a message or an error
            : null;
        var view = new FieldView
        {
            Field = field,
            Path = path,
            Name = FormPaths.Name(form.Prefix, path),
            Id = id,
            Label = label,
            Hint = FieldTexts.Hint(field),
            Error = error,
            Value = node.Value,
            Parts = node.Parts,
            Options = options,
            Children = children,
            Removable = removable,
            CanAdd = field.Type == InputFieldType.List && (field.Max is not { } max || node.Items.Count < max),
            Accept = field.Type == InputFieldType.Document ? MediaTypes.Accept(field.MediaTypes) : null,
            Focus = ReferenceEquals(node, focus) && field.Type == InputFieldType.List,
            FocusId = id,
        };
        view = view with { FocusId = FirstControl(view) };
        return ReferenceEquals(node, focus) && field.Type != InputFieldType.List ? FocusFirst(view) : view;
    }

    // The rows of a list: those given, then empty ones up to what it shows at least (one, or its minimum).
    private List<FieldView> Rows(FormNode list, string path, string label)
    {
        var item = list.Field.Item;
        if (item is null)
        {
            return [];
        }

        var shown = Math.Max(list.Items.Count, Math.Max(1, (int)Math.Min(list.Field.Min ?? 0, 50)));
        var removable = shown > Math.Max(1, (int)(list.Field.Min ?? 0));
        var rows = new List<FieldView>(shown);
        for (var i = 0; i < shown; i++)
        {
            var row = i < list.Items.Count ? list.Items[i] : FormNode.Blank(item);
            var rowLabel = Ui.T("form.row", item.Label.Values.Count > 0 ? FieldTexts.Text(item.Label) : label, i + 1);
            rows.Add(View(row, FormPaths.Item(path, i), rowLabel, rowLabel, removable));
        }

        return rows;
    }

    private static FieldView FocusFirst(FieldView view) =>
        view.Children.Count == 0 || view.Field.Type is not (InputFieldType.Object or InputFieldType.List)
            ? view with { Focus = true }
            : view with { Children = [FocusFirst(view.Children[0]), .. view.Children.Skip(1)] };

    private static string FirstControl(FieldView view) => view.Field.Type switch
    {
        InputFieldType.Date => $"{view.Id}-day",
        InputFieldType.Boolean or InputFieldType.Choice when !view.AsSelect && view.Options.Count > 0 => $"{view.Id}-0",
        InputFieldType.Object or InputFieldType.List when view.Children.Count > 0 => view.Children[0].FocusId,
        InputFieldType.List => $"{view.Id}-add",
        _ => view.Id,
    };

    private static void CollectPaths(FormNode node, string path, HashSet<string> paths)
    {
        paths.Add(path);
        foreach (var child in node.Children)
        {
            CollectPaths(child, FormPaths.Child(path, child.Field.Key), paths);
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            CollectPaths(node.Items[i], FormPaths.Item(path, i), paths);
        }
    }

    /// <summary>The error summary's lines, in page order.</summary>
    public static IReadOnlyList<ErrorLink> Links(IEnumerable<FieldView> views) =>
        [.. views.SelectMany(v => (v.Error is null ? Enumerable.Empty<ErrorLink>() : [new ErrorLink(v.Error, v.FocusId)]).Concat(Links(v.Children)))];

    /// <summary>The files chosen, by their field's path.</summary>
    public static IReadOnlyDictionary<string, IFormFile> Files(IEnumerable<FormNode> nodes)
    {
        var files = new Dictionary<string, IFormFile>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            CollectFiles(node, node.Field.Key, files);
        }

        return files;
    }

    private static void CollectFiles(FormNode node, string path, Dictionary<string, IFormFile> files)
    {
        if (node.File is { } file)
        {
            files[path] = file;
        }

        foreach (var child in node.Children)
        {
            CollectFiles(child, FormPaths.Child(path, child.Field.Key), files);
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            CollectFiles(node.Items[i], FormPaths.Item(path, i), files);
        }
    }

    /// <summary>The node at <paramref name="path"/> and the list holding it (when it is a row), or nothing.</summary>
    public static (FormNode? Node, FormNode? Parent) Find(IEnumerable<FormNode> nodes, string path)
    {
        foreach (var node in nodes)
        {
            if (Find(node, node.Field.Key, path, parent: null) is { Node: not null } found)
            {
                return found;
            }
        }

        return (null, null);
    }

    private static (FormNode? Node, FormNode? Parent) Find(FormNode node, string here, string path, FormNode? parent)
    {
        if (here == path)
        {
            return (node, parent);
        }

        if (!path.StartsWith(here, StringComparison.Ordinal))
        {
            return (null, null);
        }

        foreach (var child in node.Children)
        {
            if (Find(child, FormPaths.Child(here, child.Field.Key), path, null) is { Node: not null } found)
            {
                return found;
            }
        }

        for (var i = 0; i < node.Items.Count; i++)
        {
            if (Find(node.Items[i], FormPaths.Item(here, i), path, node) is { Node: not null } found)
            {
                return found;
            }
        }

        return (null, null);
    }
}
