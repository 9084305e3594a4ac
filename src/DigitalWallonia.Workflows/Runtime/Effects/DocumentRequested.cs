namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>Produce document kind <see cref="Document"/> from template <see cref="Template"/>.</summary>
public sealed record DocumentRequested(string Document, string Template) : WorkflowEffect;
