namespace DigitalWallonia.Platform.Companies;

/// <summary>One row the import could not apply: the file, its line and why. Never silently dropped.</summary>
public sealed record CompanyImportError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}, line {Line}: {Message}";
}

/// <summary>What an import of one extract did; <see cref="AlreadyImported"/> when the extract was there already.</summary>
public sealed record CompanyImportReport(
    int ExtractNumber,
    string ExtractType,
    DateOnly SnapshotDate,
    bool AlreadyImported,
    IReadOnlyDictionary<string, int> Applied,
    int EnterprisesStopped,
    IReadOnlyList<CompanyImportError> Errors,
    IReadOnlyList<string> Warnings)
{
    public int RowsApplied => Applied.Values.Sum();
}
