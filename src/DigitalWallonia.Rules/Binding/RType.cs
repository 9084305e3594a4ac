using System.Text;

namespace DigitalWallonia.Rules.Binding;

/// <summary>
/// A type in the rule language. Objects list their members in order; the order gives each member its slot in the
/// projected input (<see cref="Compilation.Value"/> arrays). <see cref="Key"/> is a canonical text used as a cache key.
/// </summary>
internal sealed class RType
{
    public static readonly RType Unknown = new(TypeKind.Unknown);
    public static readonly RType Null = new(TypeKind.Null);
    public static readonly RType Int = new(TypeKind.Int);
    public static readonly RType Decimal = new(TypeKind.Decimal);
    public static readonly RType String = new(TypeKind.String);
    public static readonly RType Bool = new(TypeKind.Bool);
    public static readonly RType Date = new(TypeKind.Date);
    public static readonly RType Span = new(TypeKind.Span);

    private readonly Dictionary<string, int>? _index;
    private string? _key;

    private RType(TypeKind kind) => Kind = kind;

    private RType(IReadOnlyList<KeyValuePair<string, RType>> members)
    {
        Kind = TypeKind.Object;
        Members = members;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            _index.TryAdd(members[i].Key, i);
        }
    }

    private RType(RType element)
    {
        Kind = TypeKind.List;
        Element = element;
    }

    public TypeKind Kind { get; }

    public IReadOnlyList<KeyValuePair<string, RType>>? Members { get; }

    public RType? Element { get; }

    public static RType ObjectOf(IReadOnlyList<KeyValuePair<string, RType>> members) => new(members);

    public static RType ListOf(RType element) => new(element);

    public bool IsNumeric => Kind is TypeKind.Int or TypeKind.Decimal;

    public int MemberIndex(string name) => _index is not null && _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>
    /// As <see cref="MemberIndex(string)"/>; when <paramref name="ignoreCase"/>, the first member in order whose name
    /// matches in any case, even when a later one matches exactly: RulesEngine's default resolution (its typed-from-the-
    /// input classes keep the input's member order), checked against it in PlainRulesEngineFileTests.
    /// </summary>
    public int MemberIndex(string name, bool ignoreCase)
    {
        if (!ignoreCase || Members is null)
        {
            return MemberIndex(name);
        }

        for (var i = 0; i < Members.Count; i++)
        {
            if (string.Equals(Members[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public string Key => _key ??= BuildKey();

    private string BuildKey()
    {
        if (Kind == TypeKind.List)
        {
            return "[" + Element!.Key + "]";
        }

        if (Kind != TypeKind.Object)
        {
            return Kind.ToString();
        }

        var sb = new StringBuilder("{");
        foreach (var m in Members!)
        {
            sb.Append(m.Key).Append(':').Append(m.Value.Key).Append(',');
        }

        return sb.Append('}').ToString();
    }

    /// <summary>How the type is named in messages.</summary>
    public override string ToString() => Kind switch
    {
        TypeKind.Int => "integer",
        TypeKind.Decimal => "decimal",
        TypeKind.String => "string",
        TypeKind.Bool => "boolean",
        TypeKind.Date => "date",
        TypeKind.Span => "time span",
        TypeKind.Null => "null",
        TypeKind.Unknown => "unknown",
        TypeKind.List => "list of " + Element,
        _ => "object",
    };
}
