namespace DigitalWallonia.Platform.Grants;

/// <summary>
/// A relationship that makes two parties one "single undertaking" for de minimis (1407/2013 and 2023/2831, art. 2(2):
/// majority of voting rights, right to appoint the board, dominant influence by contract or by agreement), over a
/// period. The single undertaking at a date is every party reachable through links valid on that date, since
/// undertakings linked through other undertakings are one single undertaking too. Chosen over a copy of the group on
/// each grant because groups change and the de minimis test needs the group at the new grant's date, with the aid of
/// every member, whatever group each aid was granted in.
/// </summary>
public sealed class SingleUndertakingLink
{
    private SingleUndertakingLink()
    {
        Basis = "";
    }

    public SingleUndertakingLink(long controllingPartyId, long controlledPartyId, string basis, DateOnly validFrom, DateTimeOffset recordedAt)
    {
        if (controllingPartyId == controlledPartyId)
        {
            throw new ArgumentException("A party cannot be linked to itself.", nameof(controlledPartyId));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(basis);
        ControllingPartyId = controllingPartyId;
        ControlledPartyId = controlledPartyId;
        Basis = basis.Trim();
        ValidFrom = validFrom;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public long ControllingPartyId { get; private set; }

    public long ControlledPartyId { get; private set; }

    /// <summary>Which criterion of art. 2(2) holds: majority-voting-rights, board-appointment, contract, agreement.</summary>
    public string Basis { get; private set; }

    /// <summary>First day the link holds (inclusive).</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day the link holds (inclusive); null while it lasts.</summary>
    public DateOnly? ValidTo { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool HoldsOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    /// <summary>Ends the link; <paramref name="lastDay"/> is the last day it holds.</summary>
    public void End(DateOnly lastDay)
    {
        if (lastDay < ValidFrom)
        {
            throw new ArgumentException($"The link starts on {ValidFrom:yyyy-MM-dd}; it cannot end on {lastDay:yyyy-MM-dd}.", nameof(lastDay));
        }

        ValidTo = lastDay;
    }
}
