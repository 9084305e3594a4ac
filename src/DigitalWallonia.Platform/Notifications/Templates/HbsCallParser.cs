namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// Parses the content of one mustache (between the delimiters) into an <see cref="HbsCall"/>, following Handlebars'
/// grammar: a head, positional arguments, <c>name=value</c> arguments and <c>as |a b|</c> block parameters. Names use
/// Handlebars' identifier characters (anything but white space and <c>!"#%&amp;'()*+,./;&lt;=&gt;@[\]^`{|}~</c>).
/// </summary>
internal sealed class HbsCallParser(SourceText source, int start, int end, List<TemplateDiagnostic> diagnostics)
{
    private const string NotInNames = "!\"#%&'()*+,./;<=>@[\\]^`{|}~";

    private readonly string _text = source.Text;
    private int _pos = start;
    private bool _failed;

    /// <summary>The call, or null when the content is malformed (a diagnostic was added).</summary>
    public HbsCall? ParseCall()
    {
        var call = ParseCall(nested: false);
        SkipSpace();
        if (!_failed && _pos < end)
        {
            Fail(_pos, TemplateMessages.Unexpected(_text[_pos], "in this mustache"));
        }

        return _failed ? null : call;
    }

    private HbsCall? ParseCall(bool nested)
    {
        SkipSpace();
        var head = ParseExpression();
        if (head is null)
        {
            return null;
        }

        var arguments = new List<HbsExpression>();
        var hash = new List<HbsHashArgument>();
        var blockParameters = new List<HbsSegment>();
        while (!_failed)
        {
            SkipSpace();
            if (_pos >= end || (nested && _text[_pos] == ')'))
            {
                break;
            }

            if (!nested && TryBlockParameters(blockParameters))
            {
                break;
            }

            var name = TryHashName();
            if (name is not null)
            {
                var value = ParseExpression();
                if (value is null)
                {
                    return null;
                }

                hash.Add(new HbsHashArgument(name.Name, name.Offset, value));
                continue;
            }

            var at = _pos;
            var argument = ParseExpression();
            if (argument is null)
            {
                return null;
            }

            if (hash.Count > 0)
            {
                Fail(at, TemplateMessages.PositionalAfterHash);
                return null;
            }

            arguments.Add(argument);
        }

        return _failed ? null : new HbsCall(head, arguments, hash, blockParameters);
    }

    private HbsExpression? ParseExpression()
    {
        SkipSpace();
        if (_pos >= end)
        {
            Fail(end, TemplateMessages.EmptyMustache);
            return null;
        }

        var c = _text[_pos];
        if (c == '(')
        {
            var open = _pos++;
            var call = ParseCall(nested: true);
            if (call is null)
            {
                return null;
            }

            if (_pos >= end || _text[_pos] != ')')
            {
                Fail(_pos, TemplateMessages.MissingCloseParen);
                return null;
            }

            _pos++;
            return new HbsSubExpression(open, _text[open.._pos], call);
        }

        if (c is '"' or '\'')
        {
            var close = _text.IndexOf(c, _pos + 1, end - _pos - 1);
            if (close < 0)
            {
                Fail(_pos, TemplateMessages.UnterminatedString);
                return null;
            }

            var literal = new HbsLiteral(_pos, _text[(_pos + 1)..close], IsString: true);
            _pos = close + 1;
            return EndOfTerm() ? literal : null;
        }

        if (char.IsAsciiDigit(c) || (c == '-' && _pos + 1 < end && char.IsAsciiDigit(_text[_pos + 1])))
        {
            var from = _pos++;
            while (_pos < end && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
            {
                _pos++;
            }

            var number = new HbsLiteral(from, _text[from.._pos], IsString: false);
            return EndOfTerm() ? number : null;
        }

        return ParsePath();
    }

    private HbsExpression? ParsePath()
    {
        var from = _pos;
        var isData = _text[_pos] == '@';
        if (isData)
        {
            _pos++;
        }

        var depth = 0;
        while (StartsWith("../"))
        {
            depth++;
            _pos += 3;
        }

        if (StartsWith("..") && IsDelimiter(_pos + 2))
        {
            depth++;
            _pos += 2;
            return Path(from, isData, depth, []);
        }

        if (StartsWith("./"))
        {
            _pos += 2;
        }
        else if (_text[_pos] == '.' && IsDelimiter(_pos + 1))
        {
            _pos++;
            return Path(from, isData, depth, []);
        }

        var segments = new List<HbsSegment>();
        while (true)
        {
            var segmentStart = _pos;
            string name;
            if (_pos < end && _text[_pos] == '[')
            {
                var close = _text.IndexOf(']', _pos, end - _pos);
                if (close < 0)
                {
                    Fail(_pos, TemplateMessages.Unexpected('[', "without a closing ']'"));
                    return null;
                }

                name = _text[(_pos + 1)..close];
                _pos = close + 1;
            }
            else
            {
                while (_pos < end && IsNameChar(_text[_pos]))
                {
                    _pos++;
                }

                name = _text[segmentStart.._pos];
            }

            if (name.Length == 0)
            {
                Fail(_pos, _pos < end ? TemplateMessages.Unexpected(_text[_pos], "where a name was expected") : TemplateMessages.EmptyMustache);
                return null;
            }

            if (!(name == "this" && segments.Count == 0 && !isData && _text[segmentStart] != '['))
            {
                segments.Add(new HbsSegment(name, segmentStart));
            }

            if (_pos + 1 < end && _text[_pos] is '.' or '/' && (IsNameChar(_text[_pos + 1]) || _text[_pos + 1] == '['))
            {
                _pos++;
                continue;
            }

            break;
        }

        return Path(from, isData, depth, segments);
    }

    private HbsPath? Path(int from, bool isData, int depth, List<HbsSegment> segments) =>
        EndOfTerm() ? new HbsPath(from, _text[from.._pos], isData, depth, segments) : null;

    // A term must be followed by white space, the end, ')' or '|' (block parameters).
    private bool EndOfTerm()
    {
        if (IsDelimiter(_pos))
        {
            return true;
        }

        Fail(_pos, TemplateMessages.Unexpected(_text[_pos], "after a name or value"));
        return false;
    }

    private HbsSegment? TryHashName()
    {
        var from = _pos;
        var scan = _pos;
        while (scan < end && IsNameChar(_text[scan]))
        {
            scan++;
        }

        if (scan > from && scan < end && _text[scan] == '=')
        {
            _pos = scan + 1;
            return new HbsSegment(_text[from..scan], from);
        }

        return null;
    }

    private bool TryBlockParameters(List<HbsSegment> parameters)
    {
        if (!StartsWith("as") || _pos + 2 >= end || !char.IsWhiteSpace(_text[_pos + 2]))
        {
            return false;
        }

        var scan = _pos + 2;
        while (scan < end && char.IsWhiteSpace(_text[scan]))
        {
            scan++;
        }

        if (scan >= end || _text[scan] != '|')
        {
            return false;
        }

        _pos = scan + 1;
        while (true)
        {
            SkipSpace();
            if (_pos >= end)
            {
                Fail(end, TemplateMessages.ExpectedClose("|"));
                return true;
            }

            if (_text[_pos] == '|')
            {
                _pos++;
                return true;
            }

            var from = _pos;
            while (_pos < end && IsNameChar(_text[_pos]))
            {
                _pos++;
            }

            if (_pos == from)
            {
                Fail(_pos, TemplateMessages.Unexpected(_text[_pos], "in block parameters"));
                return true;
            }

            parameters.Add(new HbsSegment(_text[from.._pos], from));
        }
    }

    private bool IsDelimiter(int at) => at >= end || char.IsWhiteSpace(_text[at]) || _text[at] is ')' or '|';

    private static bool IsNameChar(char c) => !char.IsWhiteSpace(c) && !NotInNames.Contains(c, StringComparison.Ordinal);

    private bool StartsWith(string value) =>
        _pos + value.Length <= end && string.CompareOrdinal(_text, _pos, value, 0, value.Length) == 0;

    private void SkipSpace()
    {
        while (_pos < end && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private void Fail(int at, string message)
    {
        if (!_failed)
        {
            diagnostics.Add(source.Diagnostic(at, TemplateMessages.Malformed, message));
        }

        _failed = true;
    }
}
