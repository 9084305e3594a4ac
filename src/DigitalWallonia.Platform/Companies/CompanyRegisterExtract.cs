namespace DigitalWallonia.Platform.Companies;

/// <summary>
/// An extract imported into the company register (from its meta.csv), with what the import counted: importing the same
/// extract again finds this row and changes nothing.
/// </summary>
public sealed class CompanyRegisterExtract
{
    private CompanyRegisterExtract(int number, string type, DateOnly snapshotDate)
    {
        Number = number;
        Type = type;
        SnapshotDate = snapshotDate;
    }

    public long Id { get; private set; }

    /// <summary>ExtractNumber of meta.csv; it grows by one with every published extract.</summary>
    public int Number { get; private set; }

    /// <summary>full or update.</summary>
    public string Type { get; private set; }

    public DateOnly SnapshotDate { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public int RowsApplied { get; private set; }

    public int Errors { get; private set; }

    internal static CompanyRegisterExtract Imported(int number, string type, DateOnly snapshotDate, DateTimeOffset at, int applied, int errors) =>
        new(number, type, snapshotDate) { ImportedAt = at, RowsApplied = applied, Errors = errors };
}
