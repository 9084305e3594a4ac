namespace DigitalWallonia.Platform.Companies;

/// <summary>One description of a BCE/KBO code (code.csv): category (JuridicalForm, Nace2008, ...), code, language.</summary>
public sealed class RegisterCode
{
    private RegisterCode(string category, string code, string language, string description)
    {
        Category = category;
        Code = code;
        Language = language;
        Description = description;
    }

    public long Id { get; private set; }

    public string Category { get; private set; }

    public string Code { get; private set; }

    /// <summary>FR, NL, DE or EN.</summary>
    public string Language { get; private set; }

    public string Description { get; private set; }

    internal static RegisterCode New(string category, string code, string language, string description) => new(category, code, language, description);

    internal void Describe(string description) => Description = description;
}
