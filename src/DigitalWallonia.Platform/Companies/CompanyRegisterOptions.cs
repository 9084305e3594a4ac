namespace DigitalWallonia.Platform.Companies;

/// <summary>How the platform reads the company register (section <c>CompanyRegister</c>).</summary>
public sealed class CompanyRegisterOptions
{
    public const string Section = "CompanyRegister";

    /// <summary>
    /// Legal forms (code.csv category JuridicalForm) of non-profit bodies: 017 association sans but lucratif (ASBL/VZW),
    /// 125 association internationale sans but lucratif, 026 fondation privée, 029 fondation d'utilité publique.
    /// OPEN: the codes were taken from the BCE's JuridicalForm list as we know it; check them against the code.csv of
    /// the extract in use (its FR descriptions) before a decision relies on them.
    /// </summary>
    public List<string> NonProfitLegalForms { get; set; } = ["017", "125", "026", "029"];
}
