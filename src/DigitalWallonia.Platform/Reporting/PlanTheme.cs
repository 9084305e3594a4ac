namespace DigitalWallonia.Platform.Reporting;

/// <summary>One of the plan's five themes (digital sector, economy, public services, territory, skills).</summary>
public sealed class PlanTheme
{
    private PlanTheme()
    {
        Name = string.Empty;
    }

    internal PlanTheme(int number, string name, int? line)
    {
        Number = number;
        Name = name;
        Line = line;
    }

    /// <summary>1 to 5, as the plan numbers them.</summary>
    public int Number { get; private set; }

    /// <summary>As the plan writes it (French).</summary>
    public string Name { get; private set; }

    /// <summary>Line of the plan's text where it is defined, when known.</summary>
    public int? Line { get; private set; }
}
