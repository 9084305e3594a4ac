namespace DigitalWallonia.Platform.Registers;

/// <summary>One registration in a register, as of a date: who, which dossier, and whether it was in force that day.</summary>
/// <param name="Register">The register's name (provider, cyber-professional, label).</param>
/// <param name="PartyId">The registered party.</param>
/// <param name="PartyName">Its name.</param>
/// <param name="EnterpriseNumber">Its enterprise number, formatted, when it has one.</param>
/// <param name="Reference">The registration dossier.</param>
/// <param name="State">The registration dossier's state now.</param>
/// <param name="ValidUntil">The dossier field <c>validUntil</c> (inclusive), null while none was set.</param>
/// <param name="InForce">Whether the registration was in force on the date asked.</param>
public sealed record Registration(
    string Register,
    long PartyId,
    string PartyName,
    string? EnterpriseNumber,
    string Reference,
    string State,
    DateOnly? ValidUntil,
    bool InForce);
