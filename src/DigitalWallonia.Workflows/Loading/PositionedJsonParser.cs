using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>Reads UTF-8 JSON into a <see cref="PositionedNode"/> tree with <see cref="Utf8JsonReader"/>.</summary>
internal static class PositionedJsonParser
{
    private static readonly JsonReaderOptions Options = new()
    {
        // Strict JSON: what the JSON Schema tooling and other editors accept too.
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>Parses the whole document; on malformed input returns null with the error's message and position.</summary>
    public static PositionedNode? Parse(byte[] utf8, LineMap lines, out string? error, out SourcePosition errorPosition)
    {
        error = null;
        errorPosition = SourcePosition.None;
        var start = utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            var reader = new Utf8JsonReader(utf8.AsSpan(start), Options);
            if (!reader.Read())
            {
                error = "the file is empty";
                errorPosition = new SourcePosition(1, 1);
                return null;
            }

            var root = ReadValue(ref reader, lines, start);
            if (reader.Read())
            {
                error = "unexpected content after the end of the document";
                errorPosition = lines.At(start + reader.TokenStartIndex);
                return null;
            }

            return root;
        }
        catch (JsonException e)
        {
            error = Clean(e.Message);
            // The reader starts after the BOM, and so does the line map's first line.
            errorPosition = lines.AtLine(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            return null;
        }
    }

    private static PositionedNode ReadValue(ref Utf8JsonReader reader, LineMap lines, int start)
    {
        var position = lines.At(start + reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<PositionedProperty>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var namePosition = lines.At(start + reader.TokenStartIndex);
                    var name = reader.GetString() ?? string.Empty;
                    reader.Read();
                    properties.Add(new PositionedProperty(name, namePosition, ReadValue(ref reader, lines, start)));
                }

                return new PositionedObject(position, properties);
            case JsonTokenType.StartArray:
                var items = new List<PositionedNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines, start));
                }

                return new PositionedArray(position, items);
            case JsonTokenType.String:
                return new PositionedValue(position, JsonValueKind.String, reader.GetString() ?? string.Empty);
            case JsonTokenType.Number:
                return new PositionedValue(position, JsonValueKind.Number, System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new PositionedValue(position, JsonValueKind.True, "true");
            case JsonTokenType.False:
                return new PositionedValue(position, JsonValueKind.False, "false");
            default:
                return new PositionedValue(position, JsonValueKind.Null, "null");
        }
    }

    // The reader's messages end with "LineNumber: 3 | BytePositionInLine: 7." which is in bytes and 0-based: we give our own position.
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
