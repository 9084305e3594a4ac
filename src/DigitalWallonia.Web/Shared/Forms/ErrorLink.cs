namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>One line of an error summary: the message, and the id of the control it is about (the link goes there).</summary>
public sealed record ErrorLink(string Message, string FieldId);
