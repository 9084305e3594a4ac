namespace DigitalWallonia.Platform.Casework;

/// <summary>
/// A queue filter someone kept under a name: their own, or shared with everyone holding <see cref="Team"/> (a global role
/// such as <c>case-handler</c>). <see cref="Query"/> is the queue address's query string, so a saved filter opens exactly
/// what a bookmark would.
/// </summary>
public sealed class SavedQueueFilter
{
    private SavedQueueFilter()
    {
        OwnerSubject = Name = Query = "";
    }

    public SavedQueueFilter(string ownerSubject, string? team, string name, string query, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerSubject);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        OwnerSubject = ownerSubject;
        Team = string.IsNullOrWhiteSpace(team) ? null : team;
        Name = name.Trim();
        Query = query.TrimStart('?');
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string OwnerSubject { get; private set; }

    /// <summary>The role the filter is shared with; null for the owner alone.</summary>
    public string? Team { get; private set; }

    public string Name { get; private set; }

    public string Query { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
