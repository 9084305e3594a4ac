using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DigitalWallonia.Platform.Persistence;

/// <summary>
/// Stores an amount in EUR as whole cents (a 64-bit integer): SQLite cannot compare, order or sum <see cref="decimal"/>
/// in SQL, integers it can, on every provider. An amount with a fraction of a cent is a bug upstream (amounts are
/// rounded where they are computed), so it is refused rather than silently rounded here.
/// </summary>
internal sealed class MoneyConverter() : ValueConverter<decimal, long>(
    amount => ToCents(amount),
    cents => cents / 100m)
{
    private static long ToCents(decimal amount)
    {
        var cents = amount * 100m;
        return cents == decimal.Truncate(cents)
            ? (long)cents
            : throw new ArgumentException($"The amount {amount} EUR has a fraction of a cent; round it where it is computed.", nameof(amount));
    }
}
