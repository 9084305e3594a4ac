namespace DigitalWallonia.Workflows.Runtime.Effects;

/// <summary>The dossier moved from <see cref="From"/> to <see cref="To"/> by transition <see cref="TransitionId"/>.</summary>
public sealed record StateChanged(string From, string To, string TransitionId, string Trigger) : WorkflowEffect;
