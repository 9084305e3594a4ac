namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// Finds every <c>{{...}}</c> of a Handlebars template with its position, and parses its content. Handlebars.Net renders
/// the templates; this scanner exists because Handlebars.Net reports neither unknown names nor positions. It never
/// throws on template text: problems become diagnostics and scanning goes on where it can.
/// </summary>
internal static class MustacheScanner
{
    public static IReadOnlyList<Mustache> Scan(SourceText source, List<TemplateDiagnostic> diagnostics)
    {
        var text = source.Text;
        var mustaches = new List<Mustache>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            // \{{ prints a literal mustache: skip it and its content.
            if (open > 0 && text[open - 1] == '\\')
            {
                var literalEnd = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
                i = literalEnd < 0 ? text.Length : literalEnd + 2;
                continue;
            }

            if (string.CompareOrdinal(text, open, "{{{{", 0, 4) == 0)
            {
                diagnostics.Add(source.Diagnostic(open, TemplateMessages.Unsupported, TemplateMessages.UnsupportedConstruct("raw blocks '{{{{...}}}}'")));
                return mustaches;
            }

            var triple = string.CompareOrdinal(text, open, "{{{", 0, 3) == 0;
            var p = open + (triple ? 3 : 2);
            if (p < text.Length && text[p] == '~')
            {
                p++;
            }

            if (!triple && p < text.Length && text[p] == '!')
            {
                var end = ScanComment(source, open, p, diagnostics);
                if (end < 0)
                {
                    return mustaches;
                }

                mustaches.Add(new Mustache(MustacheKind.Comment, open, null));
                i = end;
                continue;
            }

            var close = FindClose(text, p);
            if (close < 0)
            {
                diagnostics.Add(source.Diagnostic(open, TemplateMessages.Malformed, TemplateMessages.NeverClosed(triple ? "{{{" : "{{")));
                return mustaches;
            }

            var bodyEnd = close > p && text[close - 1] == '~' ? close - 1 : close;
            var next = close + 2;
            if (triple)
            {
                if (string.CompareOrdinal(text, close, "}}}", 0, 3) != 0)
                {
                    diagnostics.Add(source.Diagnostic(close, TemplateMessages.Malformed, TemplateMessages.ExpectedClose("}}}")));
                }
                else
                {
                    next = close + 3;
                }
            }

            mustaches.Add(Classify(source, open, p, bodyEnd, triple, diagnostics));
            i = next;
        }

        return mustaches;
    }

    private static int ScanComment(SourceText source, int open, int bang, List<TemplateDiagnostic> diagnostics)
    {
        var text = source.Text;
        if (string.CompareOrdinal(text, bang, "!--", 0, 3) == 0)
        {
            var end = text.IndexOf("--", bang + 3, StringComparison.Ordinal);
            while (end >= 0)
            {
                var after = end + 2;
                if (after < text.Length && text[after] == '~')
                {
                    after++;
                }

                if (string.CompareOrdinal(text, after, "}}", 0, 2) == 0)
                {
                    return after + 2;
                }

                end = text.IndexOf("--", end + 1, StringComparison.Ordinal);
            }

            diagnostics.Add(source.Diagnostic(open, TemplateMessages.Malformed, TemplateMessages.UnterminatedComment));
            return -1;
        }

        var close = text.IndexOf("}}", bang, StringComparison.Ordinal);
        if (close < 0)
        {
            diagnostics.Add(source.Diagnostic(open, TemplateMessages.Malformed, TemplateMessages.NeverClosed("{{")));
            return -1;
        }

        return close + 2;
    }

    // The first "}}"; a "{{" met first means this mustache was left open. ("}}" inside a string literal is not
    // supported: none of our templates needs it, and the scanner stays simple.)
    private static int FindClose(string text, int from)
    {
        var close = text.IndexOf("}}", from, StringComparison.Ordinal);
        var reopen = text.IndexOf("{{", from, StringComparison.Ordinal);
        return close < 0 || (reopen >= 0 && reopen < close) ? -1 : close;
    }

    private static Mustache Classify(SourceText source, int open, int start, int end, bool triple, List<TemplateDiagnostic> diagnostics)
    {
        var text = source.Text;
        var first = SkipSpace(text, start, end);
        if (triple)
        {
            return new Mustache(MustacheKind.RawOutput, open, Parse(source, open, start, end, diagnostics));
        }

        var c = first < end ? text[first] : '\0';
        switch (c)
        {
            case '&':
                return new Mustache(MustacheKind.RawOutput, open, Parse(source, open, first + 1, end, diagnostics));
            case '#' when first + 1 < end && text[first + 1] is '>' or '*':
                diagnostics.Add(source.Diagnostic(first, TemplateMessages.Unsupported,
                    TemplateMessages.UnsupportedConstruct(text[first + 1] == '>' ? "partial blocks '{{#> ...}}'" : "inline partials and decorators '{{#* ...}}'")));
                return new Mustache(MustacheKind.Comment, open, null);
            case '#':
                return new Mustache(MustacheKind.BlockOpen, open, Parse(source, open, first + 1, end, diagnostics));
            case '^':
                return SkipSpace(text, first + 1, end) >= end
                    ? new Mustache(MustacheKind.Else, open, null)
                    : new Mustache(MustacheKind.InverseOpen, open, Parse(source, open, first + 1, end, diagnostics));
            case '/':
                return new Mustache(MustacheKind.BlockClose, open, Parse(source, open, first + 1, end, diagnostics));
            case '>':
                return new Mustache(MustacheKind.Partial, open, Parse(source, open, first + 1, end, diagnostics));
        }

        if (IsKeyword(text, first, end, "else"))
        {
            var rest = SkipSpace(text, first + 4, end);
            return new Mustache(MustacheKind.Else, open, rest >= end ? null : Parse(source, open, rest, end, diagnostics));
        }

        return new Mustache(MustacheKind.Output, open, Parse(source, open, start, end, diagnostics));
    }

    private static HbsCall? Parse(SourceText source, int open, int start, int end, List<TemplateDiagnostic> diagnostics)
    {
        if (SkipSpace(source.Text, start, end) >= end)
        {
            diagnostics.Add(source.Diagnostic(open, TemplateMessages.Malformed, TemplateMessages.EmptyMustache));
            return null;
        }

        return new HbsCallParser(source, start, end, diagnostics).ParseCall();
    }

    private static bool IsKeyword(string text, int at, int end, string keyword) =>
        at + keyword.Length <= end
        && string.CompareOrdinal(text, at, keyword, 0, keyword.Length) == 0
        && (at + keyword.Length == end || char.IsWhiteSpace(text[at + keyword.Length]));

    private static int SkipSpace(string text, int at, int end)
    {
        while (at < end && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }
}
