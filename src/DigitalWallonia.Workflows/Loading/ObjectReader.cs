using System.Globalization;
using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using DigitalWallonia.Workflows.Validation;

namespace DigitalWallonia.Workflows.Loading;

/// <summary>
/// Reads the properties of one JSON object by case-insensitive name, reporting unknown and duplicated properties once on
/// construction and missing or mistyped ones as they are asked for. Never throws on user input.
/// </summary>
internal sealed class ObjectReader
{
    private readonly BindContext _context;
    private readonly Dictionary<string, PositionedProperty> _properties = new(StringComparer.OrdinalIgnoreCase);

    public ObjectReader(BindContext context, PositionedObject node, string path, IReadOnlyList<string> known)
    {
        _context = context;
        Node = node;
        Path = path;
        foreach (var property in node.Properties)
        {
            var canonical = known.FirstOrDefault(k => k.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                context.Error(DiagnosticMessages.UnknownProperty, DiagnosticMessages.Unknown(property.Name, known), BindContext.Child(path, property.Name), property.NamePosition);
            }
            else if (!_properties.TryAdd(canonical, property))
            {
                context.Error(DiagnosticMessages.DuplicateProperty, DiagnosticMessages.Duplicate(canonical), BindContext.Child(path, canonical), property.NamePosition);
            }
        }
    }

    public PositionedObject Node { get; }

    public string Path { get; }

    public BindContext Context => _context;

    public string PathOf(string name) => BindContext.Child(Path, name);

    public bool Has(string name) => _properties.ContainsKey(name);

    public PositionedNode? Get(string name)
    {
        if (!_properties.TryGetValue(name, out var property))
        {
            return null;
        }

        _context.Mark(PathOf(name), property.Value.Position);
        return property.Value;
    }

    public PositionedNode? Required(string name)
    {
        var node = Get(name);
        if (node is null)
        {
            _context.Error(DiagnosticMessages.MissingProperty, DiagnosticMessages.Missing(name), PathOf(name), Node.Position);
        }

        return node;
    }

    /// <summary>The string, or the empty string after reporting it missing or mistyped, so binding can go on.</summary>
    public string RequiredString(string name) => Required(name) is { } node ? _context.AsString(node, PathOf(name)) ?? string.Empty : string.Empty;

    public string? OptionalString(string name) => Get(name) is { } node ? _context.AsString(node, PathOf(name)) : null;

    public int? OptionalInt(string name, int min, int max)
    {
        if (Get(name) is not { } node)
        {
            return null;
        }

        if (node is PositionedValue { Kind: JsonValueKind.Number } value
            && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            if (number >= min && number <= max)
            {
                return (int)number;
            }

            _context.Error(DiagnosticMessages.InvalidValue, DiagnosticMessages.OutOfRange(name, min, max, number), PathOf(name), node.Position);
            return null;
        }

        _context.Error(DiagnosticMessages.WrongType, DiagnosticMessages.Expected("a whole number", node.Describe()), PathOf(name), node.Position);
        return null;
    }

    /// <summary>A number, exactly as written (no binary rounding), or null after reporting another kind of value.</summary>
    public decimal? OptionalDecimal(string name)
    {
        if (Get(name) is not { } node)
        {
            return null;
        }

        if (node is PositionedValue { Kind: JsonValueKind.Number } value
            && decimal.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        _context.Error(DiagnosticMessages.WrongType, DiagnosticMessages.Expected("a number", node.Describe()), PathOf(name), node.Position);
        return null;
    }

    public bool? OptionalBool(string name)
    {
        if (Get(name) is not { } node)
        {
            return null;
        }

        if (node is PositionedValue { Kind: JsonValueKind.True or JsonValueKind.False } value)
        {
            return value.Kind == JsonValueKind.True;
        }

        _context.Error(DiagnosticMessages.WrongType, DiagnosticMessages.Expected("true or false", node.Describe()), PathOf(name), node.Position);
        return null;
    }

    /// <summary>An array property bound item by item; items that fail to bind are dropped after their diagnostic.</summary>
    public IReadOnlyList<T> List<T>(string name, bool required, Func<PositionedNode, string, T?> bind)
        where T : class
    {
        var node = required ? Required(name) : Get(name);
        if (node is null)
        {
            return [];
        }

        if (node is not PositionedArray array)
        {
            _context.Error(DiagnosticMessages.WrongType, DiagnosticMessages.Expected("an array", node.Describe()), PathOf(name), node.Position);
            return [];
        }

        var items = new List<T>(array.Items.Count);
        for (var i = 0; i < array.Items.Count; i++)
        {
            var itemPath = BindContext.Item(PathOf(name), i);
            _context.Mark(itemPath, array.Items[i].Position);
            if (bind(array.Items[i], itemPath) is { } item)
            {
                _context.NodePaths.TryAdd(item, itemPath);
                items.Add(item);
            }
        }

        return items;
    }

    public IReadOnlyList<string> StringList(string name, bool required = false) =>
        List(name, required, (node, path) => _context.AsString(node, path));

    /// <summary>A culture-keyed text; <paramref name="requireFrench"/> reports a missing <c>fr</c>.</summary>
    public LocalizedText Text(string name, bool required, bool requireFrench)
    {
        var node = required ? Required(name) : Get(name);
        if (node is null)
        {
            return LocalizedText.Empty;
        }

        var path = PathOf(name);
        var reader = _context.AsObject(node, path, [.. LocalizedText.Cultures]);
        if (reader is null)
        {
            return LocalizedText.Empty;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in LocalizedText.Cultures)
        {
            if (reader.OptionalString(culture) is { } text)
            {
                values[culture] = text;
            }
        }

        if (requireFrench && !values.ContainsKey("fr"))
        {
            _context.Error(DiagnosticMessages.FrenchRequired, DiagnosticMessages.FrenchMissing(path), BindContext.Child(path, "fr"), node.Position);
        }

        return new LocalizedText(values);
    }

    /// <summary>A string that must be one of <paramref name="allowed"/> (case-insensitive); returns the canonical spelling.</summary>
    public string? Choice(string name, bool required, IReadOnlyList<string> allowed)
    {
        var text = required ? RequiredString(name) : OptionalString(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            _context.Error(DiagnosticMessages.InvalidValue, DiagnosticMessages.NotOneOf(text, allowed), PathOf(name), Get(name)?.Position ?? Node.Position);
        }

        return match;
    }
}
