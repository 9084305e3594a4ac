namespace DigitalWallonia.Platform.Tests.Scheduling;

/// <summary>A clock the test moves by hand; the local zone is UTC so that nothing depends on the machine's zone.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset to) => _now = to.ToUniversalTime();
}
