namespace DigitalWallonia.Platform.Calendars;

/// <summary>A day the administration is closed in one given year (not a legal holiday), e.g. the Walloon public service's 2 November.</summary>
public sealed record ClosureDay(DateOnly Date, string Name);
