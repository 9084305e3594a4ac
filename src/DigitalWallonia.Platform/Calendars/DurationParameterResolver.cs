using DigitalWallonia.Workflows.Definitions;

namespace DigitalWallonia.Platform.Calendars;

/// <summary>
/// Reads a dated rule parameter that holds a delay (e.g. <c>voucher.decisionDelay</c>) as of <paramref name="asOf"/>, the
/// legal date of the trigger, and returns it as a concrete duration (working days, calendar days or ISO-8601; never
/// another parameter). Supplied by the rule-engine integration.
/// </summary>
public delegate DeadlineDuration DurationParameterResolver(string parameter, DateOnly asOf);
