using System.Text;

namespace DigitalWallonia.Platform.Companies;

/// <summary>
/// Reads one file of the BCE/KBO open-data extract: comma-separated, every field in double quotes (a quote inside is
/// doubled), a header line naming the columns, UTF-8. Columns are found by name, so a column the extract adds later does
/// not shift the others. A line whose field count differs from the header's is reported, not guessed at.
/// </summary>
internal sealed class KboCsv
{
    private readonly Dictionary<string, int> _columns;

    private KboCsv(string path, string fileName, List<string> header, List<(int Line, List<string>? Fields, string? Error)> rows)
    {
        Path = path;
        FileName = fileName;
        _columns = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.OrdinalIgnoreCase);
        Rows = rows;
    }

    public string Path { get; }

    public string FileName { get; }

    /// <summary>Data lines (1-based line numbers, the header being line 1), each with its fields or what is wrong with it.</summary>
    public IReadOnlyList<(int Line, List<string>? Fields, string? Error)> Rows { get; }

    /// <exception cref="FormatException">The file is empty or lacks a column the import needs; the message names the file.</exception>
    public static KboCsv Read(string path, params string[] requiredColumns)
    {
        var fileName = System.IO.Path.GetFileName(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        var lineNumber = 0;
        List<string>? header = null;
        var rows = new List<(int, List<string>?, string?)>();
        while (ReadRecord(reader, ref lineNumber) is { } record)
        {
            var (startLine, fields, error) = record;
            if (header is null)
            {
                if (error is not null || fields is null)
                {
                    throw new FormatException($"{fileName}, line {startLine}: the header cannot be read: {error}");
                }

                header = [.. fields.Select(f => f.Trim().TrimStart('\uFEFF'))];
                var missing = requiredColumns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
                if (missing.Count > 0)
                {
                    throw new FormatException($"{fileName}: the header lacks the column(s) {string.Join(", ", missing)} (it has {string.Join(", ", header)}).");
                }

                continue;
            }

            if (error is null && fields!.Count != header.Count)
            {
                error = $"{fields.Count} fields where the header has {header.Count}";
            }

            rows.Add((startLine, error is null ? fields : null, error));
        }

        return header is null
            ? throw new FormatException($"{fileName} is empty: it needs at least its header line.")
            : new KboCsv(path, fileName, header, rows);
    }

    /// <summary>The value of <paramref name="column"/> in <paramref name="fields"/>, null when empty.</summary>
    public string? Get(List<string> fields, string column) =>
        _columns.TryGetValue(column, out var i) && i < fields.Count && fields[i].Trim() is { Length: > 0 } value ? value : null;

    // One record, which may span lines when a quoted field holds a line break. Null at the end of the file.
    private static (int Line, List<string>? Fields, string? Error)? ReadRecord(StreamReader reader, ref int lineNumber)
    {
        var line = reader.ReadLine();
        if (line is null)
        {
            return null;
        }

        lineNumber++;
        var start = lineNumber;
        if (line.Length == 0)
        {
            return (start, null, "an empty line");
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (true)
        {
            if (i >= line.Length)
            {
                if (!quoted)
                {
                    fields.Add(field.ToString());
                    return (start, fields, null);
                }

                var next = reader.ReadLine();
                if (next is null)
                {
                    return (start, null, "a quoted field is not closed before the end of the file");
                }

                lineNumber++;
                field.Append('\n');
                line = next;
                i = 0;
                continue;
            }

            var c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                    i++;
                    continue;
                }

                field.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case '"':
                    return (start, null, $"a quote in the middle of an unquoted field (column {fields.Count + 1})");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }
    }
}
