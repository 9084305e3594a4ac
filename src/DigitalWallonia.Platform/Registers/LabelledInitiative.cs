namespace DigitalWallonia.Platform.Registers;

/// <summary>One initiative holding the Digital Wallonia label on a date.</summary>
/// <param name="Reference">The label dossier.</param>
/// <param name="Name">The initiative's name as the promoter declared it (the promoter's name when none was).</param>
/// <param name="Website">Its website, when declared.</param>
/// <param name="Category">The theme of the plan it is filed under (digital-sector, digital-economy, public-services,
/// connected-territory, digital-skills), when declared.</param>
/// <param name="Promoter">The promoter's name.</param>
/// <param name="PromoterEnterpriseNumber">The promoter's enterprise number, formatted, when it has one.</param>
/// <param name="ValidUntil">The last day of the label's validity (inclusive).</param>
public sealed record LabelledInitiative(
    string Reference,
    string Name,
    string? Website,
    string? Category,
    string Promoter,
    string? PromoterEnterpriseNumber,
    DateOnly? ValidUntil);
