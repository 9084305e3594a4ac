namespace DigitalWallonia.Workflows.Runtime;

/// <summary>
/// One transition a dossier took. <see cref="Action"/> is the actor action's name (null for timers, events and
/// automatic transitions); segregation of duties compares <see cref="SubjectId"/> of earlier entries with that name.
/// </summary>
public sealed record HistoryEntry(string TransitionId, string Trigger, string? Action, string SubjectId, string? PartyId, DateTimeOffset At, string From, string To)
{
    /// <summary>The action's input as given, without the fields declared personal; empty for other triggers.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement> Input { get; init; } = new Dictionary<string, System.Text.Json.JsonElement>();

    /// <summary>The input fields declared <c>personal</c> (or holding a personal field), kept apart so they can be erased.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement> PersonalInput { get; init; } = new Dictionary<string, System.Text.Json.JsonElement>();
}
