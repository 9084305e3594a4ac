namespace DigitalWallonia.Platform.Reporting;

/// <summary>
/// One change an administrator made to the plan's catalogue (a measure, an indicator, a carrier's reporters): who, when,
/// and the record before and after as JSON. Append-only, like the other evidence (the context refuses to change it).
/// </summary>
public sealed class PlanChange
{
    private PlanChange()
    {
        Subject = Key = Change = By = string.Empty;
    }

    internal PlanChange(DateTimeOffset at, string by, string subject, string key, string change, string? before, string? after)
    {
        At = at;
        By = by;
        Subject = subject;
        Key = key;
        Change = change;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The administrator's subject id.</summary>
    public string By { get; private set; }

    /// <summary><c>measure</c>, <c>indicator</c>, <c>reporter</c>, <c>carrier</c>.</summary>
    public string Subject { get; private set; }

    /// <summary>The record's key (<c>M13</c>, <c>M13.2</c>, <c>adn/jane.doe</c>).</summary>
    public string Key { get; private set; }

    /// <summary><c>added</c>, <c>edited</c>, <c>removed</c>.</summary>
    public string Change { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }
}
