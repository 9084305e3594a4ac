namespace DigitalWallonia.Web.Tests.Browser;

/// <summary>Debian's chromium, named by DW_TEST_CHROMIUM (.ci/services.sh) or found at /usr/bin/chromium.</summary>
public static class Chromium
{
    public const string Variable = "DW_TEST_CHROMIUM";

    public static string? Path =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : null;

    /// <summary>Why browser tests are skipped, or null when they run. On CI (CI set) they never skip: a missing browser fails them.</summary>
    public static string? SkipReason =>
        Path is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? $"No chromium: {Variable} is not set and /usr/bin/chromium is absent; ./test.sh installs it."
            : null;
}

/// <summary>A fact that drives a real browser.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that drives a real browser.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
