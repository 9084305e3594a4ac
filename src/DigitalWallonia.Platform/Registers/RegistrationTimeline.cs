using System.Text.Json.Nodes;

namespace DigitalWallonia.Platform.Registers;

/// <summary>
/// When one registration dossier was in force: the days it spent in an in-force state (from its history, in Brussels
/// legal dates) bounded by its <c>validUntil</c>. A state entered and left on the same day does not count for that day.
/// </summary>
public sealed record RegistrationTimeline(string Reference, string State, DateOnly? ValidUntil, IReadOnlyList<InForcePeriod> Periods)
{
    /// <summary>In force on <paramref name="day"/>: inside a period and not after <see cref="ValidUntil"/> (none: no end).</summary>
    public bool InForceOn(DateOnly day) =>
        (ValidUntil is null || day <= ValidUntil) && Periods.Any(p => p.From <= day && (p.Until is null || day < p.Until));

    /// <summary>Builds the periods from the state the dossier opened in and its state changes, in order.</summary>
    public static RegistrationTimeline From(string reference, string currentState, DateOnly? validUntil, DateOnly openedOn, string openedState,
        IEnumerable<(DateOnly On, string ToState)> changes, IReadOnlyCollection<string> inForceStates)
    {
        // The state at the end of each day is what counts for that day.
        var endOfDay = new SortedDictionary<DateOnly, string> { [openedOn] = openedState };
        foreach (var (on, toState) in changes)
        {
            endOfDay[on] = toState;
        }

        var periods = new List<InForcePeriod>();
        DateOnly? start = null;
        foreach (var (day, state) in endOfDay)
        {
            var inForce = inForceStates.Contains(state);
            if (inForce && start is null)
            {
                start = day;
            }
            else if (!inForce && start is not null)
            {
                periods.Add(new InForcePeriod(start.Value, day));
                start = null;
            }
        }

        if (start is not null)
        {
            periods.Add(new InForcePeriod(start.Value, null));
        }

        return new RegistrationTimeline(reference, currentState, validUntil, periods);
    }

    internal JsonObject ToJson() => new()
    {
        ["reference"] = Reference,
        ["state"] = State,
        ["validUntil"] = ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["periods"] = new JsonArray([.. Periods.Select(p => (JsonNode)new JsonObject
        {
            ["from"] = p.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["until"] = p.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })]),
    };

    internal static RegistrationTimeline FromJson(JsonObject json) => new(
        (string?)json["reference"] ?? "",
        (string?)json["state"] ?? "",
        ParseDate((string?)json["validUntil"]),
        [.. (json["periods"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => new InForcePeriod(ParseDate((string?)p["from"]) ?? DateOnly.MaxValue, ParseDate((string?)p["until"])))]);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d : null;
}

/// <summary>Days in force: from <see cref="From"/> (inclusive) to <see cref="Until"/> (exclusive; null while still in force).</summary>
public sealed record InForcePeriod(DateOnly From, DateOnly? Until);
