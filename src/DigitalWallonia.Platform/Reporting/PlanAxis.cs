namespace DigitalWallonia.Platform.Reporting;

/// <summary>One of the plan's 23 priority axes (<c>1.1.1</c>), under an objective; measures belong to an axis.</summary>
public sealed class PlanAxis
{
    private PlanAxis()
    {
        Code = ObjectiveCode = Name = string.Empty;
    }

    internal PlanAxis(string code, string objectiveCode, string name, int? line)
    {
        Code = code;
        ObjectiveCode = objectiveCode;
        Name = name;
        Line = line;
    }

    public string Code { get; private set; }

    public string ObjectiveCode { get; private set; }

    public string Name { get; private set; }

    public int? Line { get; private set; }
}
