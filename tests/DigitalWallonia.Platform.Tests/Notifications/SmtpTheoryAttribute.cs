namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>A theory that needs a real SMTP server; skipped only outside CI when test.sh's server is not configured.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SmtpTheoryAttribute : TheoryAttribute
{
    public SmtpTheoryAttribute()
    {
        if (SmtpServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
