namespace DigitalWallonia.Rules.Binding;

/// <summary>
/// Which members of an input shape a compiled rule set reads. The projector skips the others (no string is
/// allocated for an e-mail address no rule looks at), which is most of the cost of reading an input.
/// Filled while compiling, read-only afterwards.
/// </summary>
internal sealed class MemberUsage
{
    private readonly Dictionary<RType, bool[]> _used = new(ReferenceEqualityComparer.Instance);

    public void Mark(RType owner, int index)
    {
        if (owner.Kind != TypeKind.Object)
        {
            return;
        }

        if (!_used.TryGetValue(owner, out var flags))
        {
            flags = new bool[owner.Members!.Count];
            _used[owner] = flags;
        }

        flags[index] = true;
    }

    /// <summary>Marks a whole value as used (it is output or printed as a whole).</summary>
    public void MarkAll(RType type)
    {
        if (type.Kind == TypeKind.List)
        {
            MarkAll(type.Element!);
        }
        else if (type.Kind == TypeKind.Object)
        {
            for (var i = 0; i < type.Members!.Count; i++)
            {
                if (!IsUsed(type, i))
                {
                    Mark(type, i);
                    MarkAll(type.Members[i].Value);
                }
            }
        }
    }

    public bool IsUsed(RType owner, int index) => _used.TryGetValue(owner, out var flags) && flags[index];

    /// <summary>The flags of one object type, or null when none of its members is read.</summary>
    public bool[]? For(RType owner) => _used.TryGetValue(owner, out var flags) ? flags : null;
}
