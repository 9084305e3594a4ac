using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DigitalWallonia.Platform.Tests.Reporting;

/// <summary>
/// Checks a CSV file against the Table Schema of a resource of a Frictionless Data Package, as its specification reads:
/// the header names the schema's fields in order; a value equal to one of <c>missingValues</c> is absent; a required field
/// is never absent; every value present parses as its field's type (string, integer, number, boolean with its
/// true/false values, date, year) and meets its pattern (anchored) and enum; the primary key is unique.
/// </summary>
internal static class TableSchemaValidator
{
    public static IReadOnlyList<string> Validate(string csv, JsonElement package, string resourceName)
    {
        var problems = new List<string>();
        var resource = package.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == resourceName);
        var schema = resource.GetProperty("schema");
        var fields = schema.GetProperty("fields").EnumerateArray().ToList();
        var missing = schema.TryGetProperty("missingValues", out var m) ? m.EnumerateArray().Select(v => v.GetString()!).ToHashSet() : [""];
        var table = Csv.Parse(csv);
        var names = fields.Select(f => f.GetProperty("name").GetString()!).ToList();
        if (!table[0].SequenceEqual(names))
        {
            problems.Add($"header: {string.Join(',', table[0])} is not {string.Join(',', names)}");
            return problems;
        }

        var keys = schema.TryGetProperty("primaryKey", out var pk) ? pk.EnumerateArray().Select(k => names.IndexOf(k.GetString()!)).ToList() : [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 1; r < table.Count; r++)
        {
            var row = table[r];
            if (row.Count != fields.Count)
            {
                problems.Add($"row {r}: {row.Count} values for {fields.Count} fields");
                continue;
            }

            for (var c = 0; c < fields.Count; c++)
            {
                var field = fields[c];
                var name = names[c];
                var value = row[c];
                var constraints = field.TryGetProperty("constraints", out var k) ? k : default;
                if (missing.Contains(value))
                {
                    if (constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty("required", out var req) && req.GetBoolean())
                    {
                        problems.Add($"row {r}, {name}: required but absent");
                    }

                    continue;
                }

                if (!OfType(field, value))
                {
                    problems.Add($"row {r}, {name}: '{value}' is not a {field.GetProperty("type").GetString()}");
                }

                if (constraints.ValueKind == JsonValueKind.Object)
                {
                    if (constraints.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(value, $"^(?:{pattern.GetString()})$", RegexOptions.None, TimeSpan.FromSeconds(1)))
                    {
                        problems.Add($"row {r}, {name}: '{value}' does not match {pattern.GetString()}");
                    }

                    if (constraints.TryGetProperty("enum", out var allowed) && allowed.EnumerateArray().All(a => a.GetString() != value))
                    {
                        problems.Add($"row {r}, {name}: '{value}' is not one of the enum");
                    }
                }
            }

            if (keys.Count > 0 && !seen.Add(string.Join('\u001F', keys.Select(i => row[i]))))
            {
                problems.Add($"row {r}: primary key {string.Join('/', keys.Select(i => row[i]))} repeated");
            }
        }

        return problems;
    }

    private static bool OfType(JsonElement field, string value) => field.GetProperty("type").GetString() switch
    {
        "string" => true,
        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _),
        "boolean" => Values(field, "trueValues", ["true", "True", "TRUE", "1"]).Contains(value) || Values(field, "falseValues", ["false", "False", "FALSE", "0"]).Contains(value),
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "year" => value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        var other => throw new NotSupportedException($"Table Schema type '{other}' is not checked here."),
    };

    private static IReadOnlyList<string> Values(JsonElement field, string property, string[] defaults) =>
        field.TryGetProperty(property, out var values) ? values.EnumerateArray().Select(v => v.GetString()!).ToList() : defaults;
}

/// <summary>An RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
