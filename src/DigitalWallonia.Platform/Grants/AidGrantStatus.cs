namespace DigitalWallonia.Platform.Grants;

/// <summary>
/// A step in an aid's life. Granted and paid leave the aid amount whole; reduced and recovered lower it by the amount
/// of the change; cancelled brings it to zero.
/// </summary>
public enum AidGrantStatus
{
    Granted,
    Paid,
    Reduced,
    Recovered,
    Cancelled,
}
