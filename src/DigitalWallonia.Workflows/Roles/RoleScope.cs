namespace DigitalWallonia.Workflows.Roles;

/// <summary>Whether a role holds everywhere or only for the party it acts for.</summary>
public enum RoleScope
{
    /// <summary>Staff roles (case handler, supervisor): valid on every dossier.</summary>
    Global,

    /// <summary>Roles held for one party (a company's representative): valid only on dossiers linked to that party.</summary>
    Party,
}
