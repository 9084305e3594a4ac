namespace DigitalWallonia.Web.Identity;

/// <summary>How many wrong PINs in a row lock a person out of the local provider, and for how long.</summary>
public sealed class LockoutOptions
{
    /// <summary>Failures in a row (within <see cref="Minutes"/> of each other) that lock the person out; 5 by default.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long the lockout lasts, in minutes; 15 by default. Failures older than this are forgotten.</summary>
    public int Minutes { get; set; } = 15;
}
