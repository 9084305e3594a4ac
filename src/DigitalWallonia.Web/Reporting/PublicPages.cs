namespace DigitalWallonia.Web.Reporting;

/// <summary>The pages of /Reporting that anyone may read without signing in (the plan's published progress).</summary>
public static class PublicPages
{
    public static readonly IReadOnlyList<string> All = ["/Reporting/Index", "/Reporting/Measure", "/Reporting/Carriers"];
}
