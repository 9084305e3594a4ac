using System.Globalization;
using System.Text;

namespace DigitalWallonia.Rules.Model;

/// <summary>
/// A small JSON parser that keeps positions (System.Text.Json gives byte offsets of tokens but not the mapping of
/// escapes inside strings, which we need to point into an expression). Accepts comments and trailing commas, as
/// hand-edited rule files often have them. Reports the first syntax error with its position; never throws on input.
/// </summary>
internal sealed class SourceJsonParser
{
    private const int MaxDepth = 256;
    private readonly SourceFile _file;
    private readonly string _s;
    private int _pos;
    private int _depth;

    private SourceJsonParser(SourceFile file)
    {
        _file = file;
        _s = file.Text;
    }

    public sealed record Error(string Message, int Offset);

    public static SourceNode? Parse(SourceFile file, out Error? error)
    {
        var p = new SourceJsonParser(file);
        try
        {
            // A byte-order mark is common in files saved by Windows editors.
            if (p._s.Length > 0 && p._s[0] == '\uFEFF')
            {
                p._pos = 1;
            }

            var node = p.ParseValue();
            p.SkipTrivia();
            if (p._pos < p._s.Length)
            {
                throw new FormatError("unexpected text after the end of the JSON value", p._pos);
            }

            error = null;
            return node;
        }
        catch (FormatError e)
        {
            error = new Error(e.Message, e.Offset);
            return null;
        }
    }

    private sealed class FormatError(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    private void SkipTrivia()
    {
        while (_pos < _s.Length)
        {
            var c = _s[_pos];
            if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '/' && _pos + 1 < _s.Length && _s[_pos + 1] == '/')
            {
                while (_pos < _s.Length && _s[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else if (c == '/' && _pos + 1 < _s.Length && _s[_pos + 1] == '*')
            {
                var end = _s.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                _pos = end < 0 ? _s.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private SourceNode ParseValue()
    {
        SkipTrivia();
        if (_pos >= _s.Length)
        {
            throw new FormatError("unexpected end of file; a value was expected", _pos);
        }

        var c = _s[_pos];
        switch (c)
        {
            case '{': return ParseObject();
            case '[': return ParseArray();
            case '"': return ParseString();
            case 't': return Word("true", SourceNodeKind.True);
            case 'f': return Word("false", SourceNodeKind.False);
            case 'n': return Word("null", SourceNodeKind.Null);
            default:
                if (c == '-' || char.IsAsciiDigit(c))
                {
                    return ParseNumber();
                }

                throw new FormatError($"unexpected character '{c}'", _pos);
        }
    }

    private SourceNode Word(string word, SourceNodeKind kind)
    {
        if (string.CompareOrdinal(_s, _pos, word, 0, word.Length) != 0)
        {
            throw new FormatError($"unexpected character '{_s[_pos]}'", _pos);
        }

        var start = _pos;
        _pos += word.Length;
        return new SourceNode { Kind = kind, Offset = start, File = _file, Text = word };
    }

    private SourceNode ParseNumber()
    {
        var start = _pos;
        if (_s[_pos] == '-')
        {
            _pos++;
        }

        while (_pos < _s.Length && (char.IsAsciiDigit(_s[_pos]) || _s[_pos] is '.' or 'e' or 'E' or '+' or '-'))
        {
            _pos++;
        }

        var text = _s[start.._pos];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatError($"'{text}' is not a number", start);
        }

        return new SourceNode { Kind = SourceNodeKind.Number, Offset = start, File = _file, Text = text };
    }

    private SourceNode ParseString()
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        var offsets = new List<int>();
        while (true)
        {
            if (_pos >= _s.Length || _s[_pos] == '\n')
            {
                throw new FormatError("string is not closed", start);
            }

            var c = _s[_pos];
            if (c == '"')
            {
                offsets.Add(_pos);
                _pos++;
                break;
            }

            if (c != '\\')
            {
                offsets.Add(_pos);
                sb.Append(c);
                _pos++;
                continue;
            }

            if (_pos + 1 >= _s.Length)
            {
                throw new FormatError("string is not closed", start);
            }

            var escapeStart = _pos;
            var e = _s[_pos + 1];
            char decoded;
            var length = 2;
            switch (e)
            {
                case '"': decoded = '"'; break;
                case '\\': decoded = '\\'; break;
                case '/': decoded = '/'; break;
                case 'b': decoded = '\b'; break;
                case 'f': decoded = '\f'; break;
                case 'n': decoded = '\n'; break;
                case 'r': decoded = '\r'; break;
                case 't': decoded = '\t'; break;
                case 'u':
                    if (_pos + 6 > _s.Length
                        || !int.TryParse(_s.AsSpan(_pos + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new FormatError("invalid \\u escape; four hex digits expected", _pos);
                    }

                    decoded = (char)code;
                    length = 6;
                    break;
                default:
                    throw new FormatError($"invalid escape '\\{e}'", _pos);
            }

            offsets.Add(escapeStart);
            sb.Append(decoded);
            _pos += length;
        }

        return new SourceNode
        {
            Kind = SourceNodeKind.String,
            Offset = start,
            File = _file,
            Text = sb.ToString(),
            CharOffsets = [.. offsets],
        };
    }

    private SourceNode ParseObject()
    {
        var start = _pos;
        Enter(start);
        _pos++;
        var props = new List<KeyValuePair<string, SourceNode>>();
        while (true)
        {
            SkipTrivia();
            if (_pos < _s.Length && _s[_pos] == '}')
            {
                _pos++;
                break;
            }

            if (_pos >= _s.Length || _s[_pos] != '"')
            {
                throw new FormatError("property name in double quotes expected", _pos);
            }

            var key = ParseString();
            SkipTrivia();
            if (_pos >= _s.Length || _s[_pos] != ':')
            {
                throw new FormatError("':' expected after property name", _pos);
            }

            _pos++;
            var value = ParseValue();
            props.Add(new(key.Text!, value));
            SkipTrivia();
            if (_pos < _s.Length && _s[_pos] == ',')
            {
                _pos++;
                continue;
            }

            if (_pos < _s.Length && _s[_pos] == '}')
            {
                _pos++;
                break;
            }

            throw new FormatError("',' or '}' expected", _pos);
        }

        _depth--;
        return new SourceNode { Kind = SourceNodeKind.Object, Offset = start, File = _file, Properties = props };
    }

    private SourceNode ParseArray()
    {
        var start = _pos;
        Enter(start);
        _pos++;
        var items = new List<SourceNode>();
        while (true)
        {
            SkipTrivia();
            if (_pos < _s.Length && _s[_pos] == ']')
            {
                _pos++;
                break;
            }

            items.Add(ParseValue());
            SkipTrivia();
            if (_pos < _s.Length && _s[_pos] == ',')
            {
                _pos++;
                continue;
            }

            if (_pos < _s.Length && _s[_pos] == ']')
            {
                _pos++;
                break;
            }

            throw new FormatError("',' or ']' expected", _pos);
        }

        _depth--;
        return new SourceNode { Kind = SourceNodeKind.Array, Offset = start, File = _file, Items = items };
    }

    private void Enter(int at)
    {
        if (++_depth > MaxDepth)
        {
            throw new FormatError($"JSON is nested more than {MaxDepth} levels deep", at);
        }
    }
}
