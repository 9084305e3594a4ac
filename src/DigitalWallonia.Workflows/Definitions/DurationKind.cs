namespace DigitalWallonia.Workflows.Definitions;

/// <summary>How a deadline's length is written.</summary>
public enum DurationKind
{
    /// <summary>An ISO-8601 duration such as <c>P30D</c>, <c>P3Y</c> or <c>PT48H</c>.</summary>
    Iso,

    /// <summary>Calendar days.</summary>
    CalendarDays,

    /// <summary>Working days of the programme's calendar, counted from the day after the trigger, ending at 24:00 Brussels time.</summary>
    WorkingDays,

    /// <summary>A dated rule parameter holding the delay, so changing it needs no new workflow version.</summary>
    Parameter,
}
