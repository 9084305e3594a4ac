using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// Checks a person's input against the action's declared fields before anything else happens: every field given must be
/// declared, every required one given, each of its type and within its constraints. Reports every problem, each naming
/// its field. Pure and thread-safe.
/// </summary>
public static class ActionInputChecker
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly string[] DocumentProperties = ["name", "mediaType", "size", "id", "sha256"];

    /// <returns>The problems, in declaration order then the undeclared fields; empty when the input is acceptable.</returns>
    public static IReadOnlyList<InputFieldError> Check(IReadOnlyList<InputField> fields, IReadOnlyDictionary<string, JsonElement> input)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<InputFieldError>();
        CheckObject(fields, input.Select(p => (p.Key, p.Value)).ToList(), prefix: null, errors);
        return errors;
    }

    private static void CheckObject(IReadOnlyList<InputField> fields, List<(string Name, JsonElement Value)> given, string? prefix, List<InputFieldError> errors)
    {
        foreach (var field in fields)
        {
            var path = Path(prefix, field.Key);
            var found = given.Where(g => g.Name == field.Key).Select(g => (JsonElement?)g.Value).FirstOrDefault();
            if (found is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value)
            {
                if (field.Required)
                {
                    errors.Add(new InputFieldError(path, "required", Messages.Required(path)));
                }

                continue;
            }

            CheckValue(field, value, path, errors);
        }

        var declared = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in given.Where(g => !declared.Contains(g.Name)))
        {
            errors.Add(new InputFieldError(Path(prefix, name), "undeclared", Messages.Undeclared(Path(prefix, name), fields.Select(f => f.Key))));
        }
    }

    private static void CheckValue(InputField field, JsonElement value, string path, List<InputFieldError> errors)
    {
        switch (field.Type)
        {
            case InputFieldType.Text or InputFieldType.LongText or InputFieldType.Email:
                CheckText(field, value, path, errors);
                break;
            case InputFieldType.Money or InputFieldType.Decimal or InputFieldType.Integer:
                CheckNumber(field, value, path, errors);
                break;
            case InputFieldType.Date:
                if (value.ValueKind != JsonValueKind.String
                    || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    errors.Add(WrongType(path, "a date written yyyy-MM-dd", value));
                }

                break;
            case InputFieldType.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(WrongType(path, "true or false", value));
                }

                break;
            case InputFieldType.Choice:
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(WrongType(path, "one of the options (a string)", value));
                }
                else if (!field.Options.Any(o => o.Value == value.GetString()))
                {
                    errors.Add(new InputFieldError(path, "not-an-option", Messages.NotAnOption(path, value.GetString()!, field.Options.Select(o => o.Value))));
                }

                break;
            case InputFieldType.EnterpriseNumber:
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(WrongType(path, "an enterprise number (a string such as 0123.456.749)", value));
                }
                else if (!IsEnterpriseNumber(value.GetString()!))
                {
                    errors.Add(new InputFieldError(path, "invalid", Messages.NotAnEnterpriseNumber(path, value.GetString()!)));
                }

                break;
            case InputFieldType.Document:
                CheckDocument(field, value, path, errors);
                break;
            case InputFieldType.List:
                CheckList(field, value, path, errors);
                break;
            case InputFieldType.Object:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(WrongType(path, "an object", value));
                }
                else
                {
                    CheckObject(field.Fields, value.EnumerateObject().Select(p => (p.Name, p.Value)).ToList(), path, errors);
                }

                break;
        }
    }

    private static void CheckText(InputField field, JsonElement value, string path, List<InputFieldError> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(WrongType(path, field.Type == InputFieldType.Email ? "an e-mail address (a string)" : "text (a string)", value));
            return;
        }

        var text = value.GetString()!;
        if (field.Required && text.Trim().Length == 0)
        {
            errors.Add(new InputFieldError(path, "required", Messages.Required(path)));
            return;
        }

        if (field.Type != InputFieldType.LongText && text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            errors.Add(new InputFieldError(path, "invalid", Messages.OneLine(path)));
            return;
        }

        if (field.MaxLength is { } maxLength && text.Length > maxLength)
        {
            errors.Add(new InputFieldError(path, "too-long", Messages.TooLong(path, text.Length, maxLength)));
        }

        if (field.Type == InputFieldType.Email && (text.Length > 254 || !EmailPattern.IsMatch(text)))
        {
            errors.Add(new InputFieldError(path, "invalid", Messages.NotAnEmail(path)));
        }

        if (field.Pattern is { } pattern && !Matches(pattern, text))
        {
            errors.Add(new InputFieldError(path, "pattern", Messages.PatternMismatch(path, pattern)));
        }
    }

    private static void CheckNumber(InputField field, JsonElement value, string path, List<InputFieldError> errors)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            errors.Add(WrongType(path, field.Type switch
            {
                InputFieldType.Money => "an amount in EUR (a number)",
                InputFieldType.Integer => "a whole number",
                _ => "a number",
            }, value));
            return;
        }

        if (field.Type == InputFieldType.Integer && number != decimal.Truncate(number))
        {
            errors.Add(WrongType(path, "a whole number", value));
            return;
        }

        if (field.Type == InputFieldType.Money && number != decimal.Round(number, 2))
        {
            errors.Add(new InputFieldError(path, "invalid", Messages.Cents(path, number)));
            return;
        }

        CheckRange(field, number, path, errors, counting: false);
    }

    private static void CheckRange(InputField field, decimal number, string path, List<InputFieldError> errors, bool counting)
    {
        if (field.Min is { } min && number < min)
        {
            errors.Add(new InputFieldError(path, counting ? "too-few" : "too-small", counting ? Messages.TooFew(path, number, min) : Messages.TooSmall(path, number, min)));
        }

        if (field.Max is { } max && number > max)
        {
            errors.Add(new InputFieldError(path, counting ? "too-many" : "too-large", counting ? Messages.TooMany(path, number, max) : Messages.TooLarge(path, number, max)));
        }
    }

    private static void CheckList(InputField field, JsonElement value, string path, List<InputFieldError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(WrongType(path, "a list (an array)", value));
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (field.Item is not { } shape)
            {
                continue; // an invalid definition (the validator says so): nothing to check the item against
            }

            if (item.ValueKind is JsonValueKind.Null)
            {
                errors.Add(new InputFieldError(itemPath, "required", Messages.Required(itemPath)));
                continue;
            }

            CheckValue(shape, item, itemPath, errors);
        }

        CheckRange(field, value.GetArrayLength(), path, errors, counting: true);
    }

    private static void CheckDocument(InputField field, JsonElement value, string path, List<InputFieldError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(WrongType(path, "a document ({ name, mediaType, size })", value));
            return;
        }

        foreach (var property in value.EnumerateObject().Where(p => !DocumentProperties.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors.Add(new InputFieldError($"{path}.{property.Name}", "undeclared", Messages.Undeclared($"{path}.{property.Name}", DocumentProperties)));
        }

        if (!value.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString()!.Trim().Length == 0)
        {
            errors.Add(new InputFieldError($"{path}.name", "required", Messages.Required($"{path}.name")));
        }

        if (!value.TryGetProperty("mediaType", out var mediaType) || mediaType.ValueKind != JsonValueKind.String)
        {
            errors.Add(new InputFieldError($"{path}.mediaType", "required", Messages.Required($"{path}.mediaType")));
        }
        else if (!field.MediaTypes.Contains(mediaType.GetString(), StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new InputFieldError(path, "media-type", Messages.MediaTypeRefused(path, mediaType.GetString()!, field.MediaTypes)));
        }

        if (!value.TryGetProperty("size", out var size) || size.ValueKind != JsonValueKind.Number || !size.TryGetInt64(out var bytes) || bytes < 0)
        {
            errors.Add(new InputFieldError($"{path}.size", "required", Messages.SizeMissing($"{path}.size")));
        }
        else if (field.MaxSize is { } maxSize && bytes > maxSize)
        {
            errors.Add(new InputFieldError(path, "too-big", Messages.TooBig(path, bytes, maxSize)));
        }
    }

    /// <summary>A BCE/KBO number: ten digits once dots and spaces are removed, starting with 0 or 1, the last two being 97 minus the first eight modulo 97.</summary>
    public static bool IsEnterpriseNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit) || digits[0] is not ('0' or '1'))
        {
            return false;
        }

        var body = long.Parse(digits[..8], CultureInfo.InvariantCulture);
        var check = int.Parse(digits[8..], CultureInfo.InvariantCulture);
        return 97 - (body % 97) == check;
    }

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, $"^(?:{pattern})$", RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // a value that takes this long to match is not one we accept
        }
    }

    private static InputFieldError WrongType(string path, string expected, JsonElement found) =>
        new(path, "wrong-type", Messages.WrongType(path, expected, Describe(found)));

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : $"{text[..40]}...";

    private static string Path(string? prefix, string name) => prefix is null ? name : $"{prefix}.{name}";

    // Deliberately loose: one @, something on each side, a dot in the domain. Whether the address works is for the mail to find out.
    private static readonly Regex EmailPattern = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, PatternTimeout);

    /// <summary>The texts, in one place.</summary>
    private static class Messages
    {
        public static string Required(string field) => $"Field '{field}' is required.";

        public static string Undeclared(string field, IEnumerable<string> declared) =>
            declared.Any()
                ? $"Field '{field}' is not an input of this action; it takes: {string.Join(", ", declared)}."
                : $"Field '{field}' is not an input of this action; it takes no input.";

        public static string WrongType(string field, string expected, string found) => $"Field '{field}' must be {expected}, not {found}.";

        public static string OneLine(string field) => $"Field '{field}' is one line of text: it cannot contain line breaks.";

        public static string TooLong(string field, int length, int max) =>
            string.Create(CultureInfo.InvariantCulture, $"Field '{field}' has {length} characters; at most {max} are allowed.");

        public static string NotAnEmail(string field) => $"Field '{field}' is not an e-mail address.";

        public static string PatternMismatch(string field, string pattern) => $"Field '{field}' does not have the expected form ({pattern}).";

        public static string Cents(string field, decimal amount) =>
            string.Create(CultureInfo.InvariantCulture, $"Field '{field}' is an amount in EUR with at most two decimals, not {amount}.");

        public static string TooSmall(string field, decimal value, decimal min) =>
            string.Create(CultureInfo.InvariantCulture, $"Field '{field}' is {value}; it must be at least {min}.");

        public static string TooLarge(string field, decimal value, decimal max) =>
            string.Create(CultureInfo.InvariantCulture, $"Field '{field}' is {value}; it must be at most {max}.");

        public static string TooFew(string field, decimal count, decimal min) =>
            string.Create(CultureInfo.InvariantCulture, $"Field '{field}' has {count} items; it needs at least {min}.");

        public static string TooMany(string field, decimal count, decimal max) =>
            string.Create(CultureInfo.InvariantCulture, $"Field '{field}' has {count} items; at most {max} are allowed.");

        public static string NotAnOption(string field, string value, IEnumerable<string> options) =>
            $"Field '{field}' is '{Shorten(value)}', which is not one of its options: {string.Join(", ", options)}.";

        public static string NotAnEnterpriseNumber(string field, string value) =>
            $"Field '{field}' is '{Shorten(value)}', which is not a Belgian enterprise number (ten digits starting with 0 or 1, with valid check digits).";

        public static string MediaTypeRefused(string field, string mediaType, IEnumerable<string> accepted) =>
            $"Field '{field}' is a document of type {mediaType}; accepted: {string.Join(", ", accepted)}.";

        public static string SizeMissing(string field) => $"Field '{field}' (the document's size in bytes, a whole number) is required.";

        public static string TooBig(string field, long size, int max) =>
            string.Create(CultureInfo.InvariantCulture, $"Field '{field}' is a document of {size} bytes; at most {max} are accepted.");
    }
}
