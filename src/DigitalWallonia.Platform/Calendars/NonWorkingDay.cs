namespace DigitalWallonia.Platform.Calendars;

/// <summary>Why a date is not a working day: a weekday that is not counted, a public holiday or a closure day.</summary>
public sealed record NonWorkingDay(DateOnly Date, string Reason);
