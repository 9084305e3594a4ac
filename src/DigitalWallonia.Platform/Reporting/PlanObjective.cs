namespace DigitalWallonia.Platform.Reporting;

/// <summary>One of the plan's nine strategic objectives (<c>1.1</c> .. <c>5.2</c>), under a theme.</summary>
public sealed class PlanObjective
{
    private PlanObjective()
    {
        Code = Name = string.Empty;
    }

    internal PlanObjective(string code, int themeNumber, string name, int? line)
    {
        Code = code;
        ThemeNumber = themeNumber;
        Name = name;
        Line = line;
    }

    public string Code { get; private set; }

    public int ThemeNumber { get; private set; }

    public string Name { get; private set; }

    public int? Line { get; private set; }
}
