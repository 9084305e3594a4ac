namespace DigitalWallonia.Platform.Grants;

/// <summary>
/// A payment confirmation that names no instalment, or one that is not planned: refused whole, nothing recorded (the
/// message lists the planned instalments). The payment system's request is wrong, not the platform: an API answers 422.
/// </summary>
public sealed class PaymentNotRecordedException(string message) : InvalidOperationException(message);
