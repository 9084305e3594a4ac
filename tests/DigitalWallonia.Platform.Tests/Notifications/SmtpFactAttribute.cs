namespace DigitalWallonia.Platform.Tests.Notifications;

/// <summary>A fact that needs a real SMTP server; skipped only outside CI when test.sh's server is not configured.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute()
    {
        if (SmtpServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
