namespace DigitalWallonia.Platform.Grants;

/// <summary>Who granted an aid: the Walloon Region through this platform, or another authority, declared with evidence.</summary>
public enum AidAuthority
{
    Walloon,
    External,
}
