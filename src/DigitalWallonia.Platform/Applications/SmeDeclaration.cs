namespace DigitalWallonia.Platform.Applications;

/// <summary>
/// A company's SME declaration (Recommendation 2003/361/EC: staff, turnover, balance sheet, partner and linked
/// enterprises, de minimis aid from other authorities), as the voucher's <c>declaration</c> input takes it, for the
/// financial year whose accounts closed on <see cref="AccountsClosedOn"/>. Asked once and offered again to every
/// application until the next accounts close (<see cref="Applications.DeclarationValidity"/>); each dossier keeps the
/// copy it was submitted with.
/// </summary>
public sealed class SmeDeclaration
{
    private SmeDeclaration()
    {
        EnterpriseNumber = DeclarationJson = DeclaredBy = "";
    }

    public SmeDeclaration(string enterpriseNumber, DateOnly accountsClosedOn, string declarationJson, string declaredBy, DateTimeOffset declaredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enterpriseNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(declarationJson);
        EnterpriseNumber = enterpriseNumber;
        AccountsClosedOn = accountsClosedOn;
        DeclarationJson = declarationJson;
        DeclaredBy = declaredBy;
        DeclaredAt = declaredAt;
    }

    public long Id { get; private set; }

    /// <summary>The enterprise's ten digits.</summary>
    public string EnterpriseNumber { get; private set; }

    public DateOnly AccountsClosedOn { get; private set; }

    /// <summary>The declaration object (JSON) of the submit input.</summary>
    public string DeclarationJson { get; private set; }

    public string DeclaredBy { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }
}
