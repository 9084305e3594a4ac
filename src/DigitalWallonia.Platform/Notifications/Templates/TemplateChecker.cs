namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// Checks every mustache of a template against its model: names and paths (<c>this</c>, <c>../</c>, <c>@root</c>,
/// <c>@index</c>, block parameters), helpers and their argument types, block structure, and partials, which are checked
/// in the scope of each place that includes them. Reports positions in the file where the problem is, the partial's own
/// file included.
/// </summary>
internal sealed class TemplateChecker(
    string templateKey,
    ModelType root,
    Func<string, ParsedTemplate?> findPartial,
    IReadOnlyCollection<string> partialNames,
    List<TemplateDiagnostic> diagnostics)
{
    private const int MaxPartialDepth = 8;

    // A context about which nothing is known, after an error: names inside it are not checked, to avoid cascades.
    private static readonly ModelType Lenient = new() { Kind = ModelKind.Object };

    private int _partialDepth;

    public void Check(ParsedTemplate template) =>
        Check(template, [new CheckFrame(root, $"the model of '{templateKey}'", true, false, null, 0, CheckFrame.NoParameters)]);

    private void Check(ParsedTemplate template, List<CheckFrame> frames)
    {
        var source = template.Source;
        var baseDepth = frames.Count;
        foreach (var mustache in template.Mustaches)
        {
            var call = mustache.Call;
            switch (mustache.Kind)
            {
                case MustacheKind.Output or MustacheKind.RawOutput when call is not null:
                    CheckOutput(source, call, frames);
                    break;
                case MustacheKind.BlockOpen when call is not null:
                    frames.Add(OpenBlock(source, mustache.Offset, call, frames));
                    break;
                case MustacheKind.InverseOpen when call is not null:
                    CheckValue(source, call.Head, frames);
                    frames.Add(Same(frames, BlockName(call), mustache.Offset));
                    break;
                case MustacheKind.Else:
                    Else(source, mustache, frames, baseDepth);
                    break;
                case MustacheKind.BlockClose when call is not null:
                    Close(source, mustache.Offset, call, frames, baseDepth);
                    break;
                case MustacheKind.Partial when call is not null:
                    CheckPartial(source, call, frames);
                    break;
            }
        }

        for (var i = frames.Count - 1; i >= baseDepth; i--)
        {
            diagnostics.Add(source.Diagnostic(frames[i].OpenOffset, TemplateMessages.BlockStructure,
                TemplateMessages.BlockNeverClosed(frames[i].BlockName ?? "?")));
        }

        frames.RemoveRange(baseDepth, frames.Count - baseDepth);
    }

    private void CheckOutput(SourceText source, HbsCall call, List<CheckFrame> frames)
    {
        if (call.Head is HbsPath { IsSimpleName: true } head && !IsBlockParameter(head.Segments[0].Name, frames)
            && (call.Arguments.Count > 0 || call.Hash.Count > 0 || TemplateHelpers.TryGetAccepted(head.Segments[0].Name, out _)))
        {
            CheckHelperCall(source, head, call, frames);
            return;
        }

        if (call.Arguments.Count > 0 || call.Hash.Count > 0)
        {
            diagnostics.Add(source.Diagnostic(call.Head.Offset, TemplateMessages.UnknownHelper, TemplateMessages.NoSuchHelper(call.Head.Text, null)));
            return;
        }

        var type = CheckValue(source, call.Head, frames);
        if (type is { Kind: ModelKind.Object or ModelKind.Array })
        {
            diagnostics.Add(source.Diagnostic(call.Head.Offset, TemplateMessages.NotPrintable,
                TemplateMessages.ObjectOutput(call.Head.Text, type.Describe(), type.Fields.Keys.Take(6))));
        }
    }

    // Returns the helper's result type (helpers print strings).
    private ModelType? CheckHelperCall(SourceText source, HbsPath head, HbsCall call, List<CheckFrame> frames)
    {
        var name = head.Segments[0].Name;
        if (!TemplateHelpers.TryGetAccepted(name, out var accepted))
        {
            var message = TemplateHelpers.Blocks.Contains(name)
                ? $"'{name}' is a block helper; write '{{{{#{name} ...}}}}...{{{{/{name}}}}}'"
                : TemplateMessages.NoSuchHelper(name, NameSuggestion.Closest(name, TemplateHelpers.Names));
            diagnostics.Add(source.Diagnostic(head.Offset, TemplateMessages.UnknownHelper, message));
            return null;
        }

        if (call.Arguments.Count != 1 || call.Hash.Count > 0)
        {
            diagnostics.Add(source.Diagnostic(head.Offset, TemplateMessages.HelperMisuse, TemplateMessages.Arity(name, 1, call.Arguments.Count + call.Hash.Count)));
            return null;
        }

        var argument = call.Arguments[0];
        var type = CheckValue(source, argument, frames);
        if (type is not null && argument is HbsPath && !accepted.Contains(type.Kind))
        {
            diagnostics.Add(source.Diagnostic(argument.Offset, TemplateMessages.HelperMisuse,
                TemplateMessages.WrongType(name, TemplateHelpers.ExpectedText(name), argument.Text, type.Describe())));
        }

        return new ModelType { Kind = ModelKind.String };
    }

    // The type of a value expression, or null when unknown (a diagnostic was added) or a literal.
    private ModelType? CheckValue(SourceText source, HbsExpression expression, List<CheckFrame> frames) => expression switch
    {
        HbsPath path => Resolve(source, path, frames),
        HbsSubExpression { Call.Head: HbsPath head } sub => CheckHelperCall(source, head, sub.Call, frames),
        HbsSubExpression sub => Unknown(source, sub.Call.Head),
        _ => null,
    };

    private ModelType? Unknown(SourceText source, HbsExpression head)
    {
        diagnostics.Add(source.Diagnostic(head.Offset, TemplateMessages.UnknownHelper, TemplateMessages.NoSuchHelper(head.Text, null)));
        return null;
    }

    private CheckFrame OpenBlock(SourceText source, int offset, HbsCall call, List<CheckFrame> frames)
    {
        var name = BlockName(call);
        if (call.Head is not HbsPath { IsSimpleName: true } || !TemplateHelpers.Blocks.Contains(name))
        {
            var message = TemplateHelpers.TryGetAccepted(name, out _)
                ? TemplateMessages.HelperAsBlock(name)
                : TemplateMessages.NoSuchHelper(name, NameSuggestion.Closest(name, TemplateHelpers.Blocks));
            diagnostics.Add(source.Diagnostic(call.Head.Offset, TemplateMessages.UnknownHelper, message));
            return Same(frames, name, offset);
        }

        if (call.Arguments.Count != 1)
        {
            diagnostics.Add(source.Diagnostic(call.Head.Offset, TemplateMessages.HelperMisuse, TemplateMessages.BlockNeedsArgument(name)));
            return Same(frames, name, offset);
        }

        var argument = call.Arguments[0];
        var type = CheckValue(source, argument, frames);
        var parameters = new Dictionary<string, ModelType>(StringComparer.Ordinal);
        switch (name)
        {
            case "each" when type is { Kind: ModelKind.Array, Items: { } items }:
                if (call.BlockParameters.Count > 0)
                {
                    parameters[call.BlockParameters[0].Name] = items;
                }

                if (call.BlockParameters.Count > 1)
                {
                    parameters[call.BlockParameters[1].Name] = new ModelType { Kind = ModelKind.Number };
                }

                return new CheckFrame(items, $"an item of '{argument.Text}'", true, true, name, offset, parameters);
            case "with" when type is { Kind: ModelKind.Object }:
                if (call.BlockParameters.Count > 0)
                {
                    parameters[call.BlockParameters[0].Name] = type;
                }

                return new CheckFrame(type, $"'{argument.Text}'", true, frames[^1].InEach, name, offset, parameters);
            case "each" or "with" when type is not null:
                diagnostics.Add(source.Diagnostic(argument.Offset, TemplateMessages.HelperMisuse,
                    TemplateMessages.WrongType(name, name == "each" ? "a list" : "an object", argument.Text, type.Describe())));
                break;
        }

        // The argument was reported (unknown or of the wrong type): names inside are not checked, to avoid a cascade.
        return name is "each" or "with"
            ? new CheckFrame(Lenient, "an unknown value", true, name == "each", name, offset, CheckFrame.NoParameters)
            : Same(frames, name, offset);
    }

    private void Else(SourceText source, Mustache mustache, List<CheckFrame> frames, int baseDepth)
    {
        if (frames.Count <= baseDepth)
        {
            diagnostics.Add(source.Diagnostic(mustache.Offset, TemplateMessages.BlockStructure, TemplateMessages.ElseOutsideBlock));
            return;
        }

        var open = frames[^1];
        frames.RemoveAt(frames.Count - 1);
        if (mustache.Call is { } chained)
        {
            var name = BlockName(chained);
            if (name is not ("if" or "unless") || chained.Arguments.Count != 1)
            {
                diagnostics.Add(source.Diagnostic(chained.Head.Offset, TemplateMessages.HelperMisuse, "'{{else ...}}' chains only 'if' or 'unless' with one argument"));
            }
            else
            {
                CheckValue(source, chained.Arguments[0], frames);
            }
        }

        // The else branch of each/with renders in the enclosing context.
        frames.Add(Same(frames, open.BlockName, open.OpenOffset));
    }

    private void Close(SourceText source, int offset, HbsCall call, List<CheckFrame> frames, int baseDepth)
    {
        var name = call.Head.Text;
        if (frames.Count <= baseDepth)
        {
            diagnostics.Add(source.Diagnostic(offset, TemplateMessages.BlockStructure, TemplateMessages.CloseWithoutOpen(name)));
            return;
        }

        var open = frames[^1];
        if (open.BlockName != name)
        {
            var (line, column) = source.Position(open.OpenOffset);
            diagnostics.Add(source.Diagnostic(offset, TemplateMessages.BlockStructure, TemplateMessages.CloseMismatch(name, open.BlockName ?? "?", line, column)));

            // When an outer block has this name, the inner one was left open: close both, and report only once.
            var outer = frames.FindLastIndex(f => f.BlockName == name);
            if (outer >= baseDepth)
            {
                frames.RemoveRange(outer, frames.Count - outer);
                return;
            }
        }

        frames.RemoveAt(frames.Count - 1);
    }

    private void CheckPartial(SourceText source, HbsCall call, List<CheckFrame> frames)
    {
        var name = call.Head switch
        {
            HbsPath path when !path.IsData && path.ParentDepth == 0 => string.Join("/", path.Segments.Select(s => s.Name)),
            HbsLiteral { IsString: true } literal => literal.Text,
            _ => null,
        };
        var partial = name is null ? null : findPartial(name);
        if (partial is null)
        {
            diagnostics.Add(source.Diagnostic(call.Head.Offset, TemplateMessages.UnknownPartial,
                TemplateMessages.NoSuchPartial(call.Head.Text, name is null ? null : NameSuggestion.Closest(name, partialNames))));
            return;
        }

        if (call.Arguments.Count > 1)
        {
            diagnostics.Add(source.Diagnostic(call.Arguments[1].Offset, TemplateMessages.HelperMisuse, "a partial takes at most one context argument"));
            return;
        }

        var context = frames[^1].Context;
        if (call.Arguments.Count == 1)
        {
            var type = CheckValue(source, call.Arguments[0], frames);
            if (type is null)
            {
                return;
            }

            context = type;
        }

        // Handlebars merges the name=value arguments into the partial's context.
        var fields = new Dictionary<string, ModelType>(context.Fields, StringComparer.Ordinal);
        foreach (var argument in call.Hash)
        {
            fields[argument.Name] = CheckValue(source, argument.Value, frames) ?? new ModelType { Kind = ModelKind.String };
        }

        if (partial.HasSyntaxErrors || _partialDepth >= MaxPartialDepth)
        {
            return;
        }

        var partialContext = call.Hash.Count == 0 ? context : context with { Kind = ModelKind.Object, Fields = fields };
        _partialDepth++;
        var inner = new List<CheckFrame>(frames)
        {
            new(partialContext, $"the context of partial '{name}'", true, frames[^1].InEach, null, 0, CheckFrame.NoParameters),
        };
        Check(partial, inner);
        _partialDepth--;
    }

    private ModelType? Resolve(SourceText source, HbsPath path, List<CheckFrame> frames)
    {
        if (ReferenceEquals(frames[^1].Context, Lenient))
        {
            return null;
        }

        var segments = path.Segments;
        ModelType current;
        string label;
        var index = 0;
        if (path.IsData)
        {
            var data = segments.Count > 0 ? segments[0].Name : string.Empty;
            switch (data)
            {
                case "root":
                    (current, label, index) = (root, $"the model of '{templateKey}'", 1);
                    break;
                case "index" or "first" or "last" when frames.Any(f => f.InEach):
                    return segments.Count == 1
                        ? new ModelType { Kind = data == "index" ? ModelKind.Number : ModelKind.Boolean }
                        : Fail(segments[1], $"'@{data}'", null);
                default:
                    diagnostics.Add(source.Diagnostic(path.Offset, TemplateMessages.UnknownName, TemplateMessages.UnknownDataVariable(data)));
                    return null;
            }
        }
        else if (path.ParentDepth == 0 && segments.Count > 0 && FindBlockParameter(segments[0].Name, frames) is { } parameter)
        {
            (current, label, index) = (parameter, $"'{segments[0].Name}'", 1);
        }
        else
        {
            var contexts = frames.Where(f => f.ChangesContext).Reverse().ToList();
            if (path.ParentDepth >= contexts.Count)
            {
                diagnostics.Add(source.Diagnostic(path.Offset, TemplateMessages.UnknownName, TemplateMessages.ParentOutOfScope(path.Text)));
                return null;
            }

            (current, label) = (contexts[path.ParentDepth].Context, contexts[path.ParentDepth].Label);
            if (ReferenceEquals(current, Lenient))
            {
                return null;
            }
        }

        for (; index < segments.Count; index++)
        {
            var segment = segments[index];
            if (current.Kind == ModelKind.Object && current.Fields.TryGetValue(segment.Name, out var field))
            {
                current = field;
            }
            else if (current.Kind == ModelKind.Array && segment.Name == "length")
            {
                current = new ModelType { Kind = ModelKind.Number };
            }
            else
            {
                return Fail(segment, label, current.Kind == ModelKind.Object ? current.Fields.Keys : null);
            }

            label = $"'{string.Join(".", segments.Take(index + 1).Select(s => s.Name))}'";
        }

        return current;

        ModelType? Fail(HbsSegment segment, string where, IEnumerable<string>? known)
        {
            diagnostics.Add(source.Diagnostic(segment.Offset, TemplateMessages.UnknownName,
                TemplateMessages.UnknownField(segment.Name, where, known is null ? null : NameSuggestion.Closest(segment.Name, known))));
            return null;
        }
    }

    private static ModelType? FindBlockParameter(string name, List<CheckFrame> frames)
    {
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            if (frames[i].BlockParameters.TryGetValue(name, out var type))
            {
                return type;
            }
        }

        return null;
    }

    private static bool IsBlockParameter(string name, List<CheckFrame> frames) => FindBlockParameter(name, frames) is not null;

    private static CheckFrame Same(List<CheckFrame> frames, string? name, int offset) =>
        new(frames[^1].Context, frames[^1].Label, false, frames[^1].InEach, name, offset, CheckFrame.NoParameters);

    private static string BlockName(HbsCall call) => call.Head.Text;
}
