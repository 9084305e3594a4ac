using System.Runtime.InteropServices;

namespace DigitalWallonia.Rules.Compilation;

/// <summary>
/// One projected value. The compiled code knows each slot's type from the shape, so a value needs no type tag, only
/// whether it is present. Numbers are stored unboxed (integers, booleans, dates as ticks in <see cref="Bits"/>,
/// decimals in <see cref="Dec"/>); strings, objects (<c>Value[]</c> of members) and lists (<c>Value[]</c> of items) in <see cref="Ref"/>.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct Value
{
    public object? Ref;
    public decimal Dec;
    public long Bits;
    public bool Present;

    public static Value Missing => default;

    public static Value OfLong(long v) => new() { Bits = v, Present = true };

    public static Value OfDecimal(decimal v) => new() { Dec = v, Present = true };

    public static Value OfRef(object? o) => new() { Ref = o, Present = o is not null };
}
