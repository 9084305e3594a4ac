namespace DigitalWallonia.Platform.Notifications.Mail;

/// <summary>
/// The mail server could not be used at all: no connection, TLS or authentication failed, no answer within
/// <c>Smtp:TimeoutSeconds</c>, or the connection broke. Nothing about the message itself, so the dispatcher does not try
/// the rest of its batch against the same server; all of them wait for their next attempt.
/// </summary>
public sealed class MailServerUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
