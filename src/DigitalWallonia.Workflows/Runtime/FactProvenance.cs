namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// Where a stored dossier fact comes from: <see cref="Source"/> (see <see cref="FactSources"/>), who gave or set it
/// (<see cref="By"/>, a subject id) and when. Rules get it beside the facts, and evaluation snapshots keep it, so a
/// decision can say where each value it used came from.
/// </summary>
public sealed record FactProvenance(string Source, string By, DateTimeOffset At);
