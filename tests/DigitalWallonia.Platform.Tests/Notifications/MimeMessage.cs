using System.Text;
using System.Text.RegularExpressions;

namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>
/// Just enough of a MIME reader to check what a mail server received: unfolded headers with RFC 2047 encoded words
/// decoded (adjacent words joined without the white space between them), and the parts of a multipart body decoded from
/// base64 or quoted-printable as UTF-8.
/// </summary>
internal sealed partial record MimeMessage(IReadOnlyDictionary<string, string> Headers, IReadOnlyList<MimePart> Parts)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"no {name} header");

    public MimePart Part(string mediaType) => Parts.Single(p => p.ContentType.StartsWith(mediaType, StringComparison.OrdinalIgnoreCase));

    public static MimeMessage Parse(string raw)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var (headers, body) = SplitHeaders(text);
        var contentType = headers.TryGetValue("Content-Type", out var ct) ? ct : "text/plain";
        if (!contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return new MimeMessage(headers, [DecodePart(headers, body)]);
        }

        var boundary = Boundary().Match(contentType).Groups[1].Value;
        var parts = new List<MimePart>();
        foreach (var chunk in body.Split($"--{boundary}").Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var (partHeaders, partBody) = SplitHeaders(chunk.TrimStart('\n'));
            parts.Add(DecodePart(partHeaders, partBody));
        }

        return new MimeMessage(headers, parts);
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string text)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? string.Empty : text[(end + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        var value = new StringBuilder();
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t' && name is not null)
            {
                value.Append(line);
                continue;
            }

            Add();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            name = colon > 0 ? line[..colon].Trim() : null;
            value.Clear().Append(colon > 0 ? line[(colon + 1)..].TrimStart() : string.Empty);
        }

        Add();
        return (headers, body);

        void Add()
        {
            if (name is not null && !headers.ContainsKey(name))
            {
                headers[name] = DecodeWords(value.ToString());
            }
        }
    }

    private static string DecodeWords(string value)
    {
        var joined = BetweenWords().Replace(value, string.Empty);
        return EncodedWord().Replace(joined, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var bytes = m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(m.Groups[3].Value)
                : QuotedPrintable(m.Groups[3].Value.Replace('_', ' '));
            return charset.GetString(bytes);
        });
    }

    private static MimePart DecodePart(Dictionary<string, string> headers, string body)
    {
        var contentType = headers.TryGetValue("Content-Type", out var ct) ? ct : "text/plain";
        var encoding = headers.TryGetValue("Content-Transfer-Encoding", out var cte) ? cte.Trim().ToLowerInvariant() : "7bit";
        var bytes = encoding switch
        {
            "base64" => Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))),
            "quoted-printable" => QuotedPrintable(body.Replace("=\n", string.Empty, StringComparison.Ordinal)),
            _ => Encoding.UTF8.GetBytes(body),
        };
        return new MimePart(contentType, Encoding.UTF8.GetString(bytes));
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"(?<=\?=)[ \t]+(?==\?)")]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
