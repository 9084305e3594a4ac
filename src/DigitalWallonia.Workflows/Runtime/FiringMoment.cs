namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// When a firing happens: <see cref="Now"/> is the UTC instant (from the platform's TimeProvider) and <see cref="Today"/>
/// the legal date in Europe/Brussels, computed by the platform because the engine knows no time zones.
/// </summary>
public sealed record FiringMoment(DateTimeOffset Now, DateOnly Today);
