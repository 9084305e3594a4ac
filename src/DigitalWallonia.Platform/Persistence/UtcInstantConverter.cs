using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DigitalWallonia.Platform.Persistence;

/// <summary>
/// Stores instants as UTC <see cref="DateTime"/>: EF Core cannot compare or order <see cref="DateTimeOffset"/> on SQLite,
/// while UTC date-times sort as text there and map to <c>timestamp with time zone</c> on PostgreSQL. Instants are cut to
/// whole microseconds, PostgreSQL's precision, so that every provider gives back the same value.
/// </summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTime>(
    instant => ToStored(instant),
    stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)))
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    private static DateTime ToStored(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return utc.AddTicks(-(utc.Ticks % TicksPerMicrosecond));
    }
}
