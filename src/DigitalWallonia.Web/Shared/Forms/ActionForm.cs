using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Runtime;

namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>
/// A form generated from an action's typed input declarations (<see cref="AvailableAction.Input"/>), with what was typed and
/// the refusals to show. A page makes one with <see cref="Create"/> (GET) or <see cref="Read"/> (POST), fires the action with
/// <see cref="Input"/>, and on a refusal shows it again <see cref="WithErrors"/>; the tag helpers
/// <c>&lt;dw-error-summary&gt;</c> and <c>&lt;dw-action-fields&gt;</c> draw it (docs/web.md, "Forms from a workflow's input").
/// Immutable once made; render it in the request's culture.
/// </summary>
public sealed class ActionForm
{
    /// <summary>The name prefix of every input (<c>input.reason</c>): the form's fields never mix with a page's own.</summary>
    public const string DefaultPrefix = "input";

    /// <summary>The submit button name of a list's "add a row" and "remove this row" (value <c>add:PATH</c> or <c>remove:PATH</c>).</summary>
    public const string ListCommand = "dw-list-command";

    private readonly List<FormNode> _nodes;
    private readonly IReadOnlyList<FieldErrorEntry> _errors;
    private readonly FormNode? _focus;

    private ActionForm(IReadOnlyList<InputField> fields, List<FormNode> nodes, string prefix, bool isEditing, FormNode? focus,
        IReadOnlyList<FieldErrorEntry> errors)
    {
        Fields = fields;
        _nodes = nodes;
        Prefix = prefix;
        IsEditing = isEditing;
        _focus = focus;
        _errors = errors;
        Input = InputJson.ToInput(nodes);
    }

    /// <summary>The declarations the form asks for.</summary>
    public IReadOnlyList<InputField> Fields { get; }

    public string Prefix { get; }

    /// <summary>The typed input to fire the action with (<c>new ActorActionFired(name) { Input = form.Input }</c>).</summary>
    public IReadOnlyDictionary<string, JsonElement> Input { get; }

    /// <summary>
    /// A row was added to or removed from a list: the person is still filling the form in. Show it again (200), do not
    /// fire the action.
    /// </summary>
    public bool IsEditing { get; }

    public bool HasErrors => _errors.Count > 0;

    /// <summary>The form's <c>enctype</c>: multipart when a field takes a document.</summary>
    public string Enctype => Fields.Any(HasDocument) ? "multipart/form-data" : "application/x-www-form-urlencoded";

    /// <summary>The files chosen in this post, by the path of their document field (<c>evidence</c>, <c>aid[0].evidence</c>).</summary>
    public IReadOnlyDictionary<string, IFormFile> Files => FormViews.Files(_nodes);

    /// <summary>An empty form, or one showing <paramref name="values"/> (a typed input, as a history entry keeps it).</summary>
    public static ActionForm Create(IReadOnlyList<InputField> fields, IReadOnlyDictionary<string, JsonElement>? values = null,
        string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var nodes = fields.Select(FormNode.Blank).ToList();
        foreach (var node in nodes)
        {
            if (values is not null && values.TryGetValue(node.Field.Key, out var value))
            {
                InputJson.Fill(node, value);
            }
        }

        return new ActionForm(fields, nodes, prefix, isEditing: false, focus: null, []);
    }

    /// <summary>The form as posted, its list rows added or removed when a row button was pressed (<see cref="IsEditing"/>).</summary>
    public static ActionForm Read(IReadOnlyList<InputField> fields, IFormCollection form, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(form);
        var nodes = FormReader.Read(fields, form, prefix);
        var command = form[ListCommand].ToString();
        var (verb, path) = command.IndexOf(':') is var colon and > 0 ? (command[..colon], command[(colon + 1)..]) : (string.Empty, string.Empty);
        FormNode? focus = null;
        switch (verb)
        {
            case "remove" when FormViews.Find(nodes, path) is { Parent: { } list, Node: { } row }:
                list.Items.Remove(row);
                focus = list;
                break;
            case "add" when FormViews.Find(nodes, path) is { Node: { Field.Type: InputFieldType.List, Field.Item: not null } list }
                && (list.Field.Max is not { } max || list.Items.Count(i => !i.IsBlank) < max):
                focus = list;
                break;
        }

        nodes.ForEach(n => n.DropBlankRows());
        if (verb == "add" && focus is { Field.Item: { } shape })
        {
            var row = FormNode.Blank(shape);
            focus.Items.Add(row);
            focus = row;
        }

        return new ActionForm(fields, nodes, prefix, isEditing: verb.Length > 0, focus, []);
    }

    /// <summary>This form showing the runtime's refusal of its input (<see cref="Rejection.FieldErrors"/>).</summary>
    public ActionForm WithErrors(IEnumerable<InputFieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new ActionForm(Fields, _nodes, Prefix, IsEditing, _focus, [.. _errors, .. errors.Select(e => new FieldErrorEntry(e.Field, e, null))]);
    }

    /// <summary>This form with a page's own refusal of one field, already said in the current language.</summary>
    public ActionForm WithError(string path, string message) =>
        new(Fields, _nodes, Prefix, IsEditing, _focus, [.. _errors, new FieldErrorEntry(path, null, message)]);

    /// <summary>This form with the errors the runtime would give for <see cref="Input"/>, before anything is fired.</summary>
    public ActionForm Checked() => WithErrors(ActionInputChecker.Check(Fields, Input));

    /// <summary>The fields as drawn, in the current language, with their errors.</summary>
    public IReadOnlyList<FieldView> Views => new FormViews(this, _nodes, _errors, _focus).Build();

    /// <summary>The error summary's entries, in the order of the fields: each message links to its field.</summary>
    public IReadOnlyList<ErrorLink> ErrorLinks => FormViews.Links(Views);

    private static bool HasDocument(InputField field) =>
        field.Type == InputFieldType.Document || field.Fields.Any(HasDocument) || (field.Item is { } item && HasDocument(item));
}
