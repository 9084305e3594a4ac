namespace DigitalWallonia.Web.Access;

/// <summary>Section <c>Access</c>: what configuration adds to the programmes each staff role reaches through the workflows.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>
    /// Programmes a role reaches besides those whose workflows name it, by role: <c>Access:Programmes:digital-agency:0 = *</c>
    /// (<c>*</c>: every programme). For the roles no workflow names (the digital agency, policy officers, machine clients'
    /// roles) this is the only way to see dossiers.
    /// </summary>
    public Dictionary<string, List<string>> Programmes { get; set; } = new(StringComparer.Ordinal);
}
