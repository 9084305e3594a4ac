namespace DigitalWallonia.Workflows.Runtime;

/// <summary>The texts of every rejection, in one place (English; user interfaces map <see cref="Rejection.Code"/>).</summary>
internal static class RejectionMessages
{
    public static string RuleOutputMissing(string ruleSet, string version, string output) =>
        $"Rule set '{ruleSet}' (version {version}) gave no output '{output}'.";

    public static string LegalDateMissing(string ruleSet, string asOf) =>
        $"Rule set '{ruleSet}' is evaluated as of the {asOf} date, which this dossier does not have yet.";

    public static string AlreadyStarted(string state) =>
        $"The dossier's workflow has already started; it is in state '{state}'.";

    public static string DeadlineNotOpen(string kind) =>
        $"Deadline '{kind}' is not open on this dossier: it has fired or was cancelled.";

    public static string VersionMismatch(string pinnedId, int pinnedVersion, string id, int version) =>
        $"The dossier is pinned to workflow '{pinnedId}' v{pinnedVersion}, not '{id}' v{version}.";

    public static string UnknownState(string state, string id, int version) =>
        $"State '{state}' is not in workflow '{id}' v{version}.";

    public static string RoleMissing(string action, IEnumerable<string> roles) =>
        $"Action '{action}' needs one of the roles {string.Join(", ", roles)} for this dossier.";

    public static string InvalidInput(string action, IReadOnlyList<InputFieldError> errors) =>
        $"Action '{action}' was refused, nothing was saved: {string.Join(" ", errors.Select(e => e.Message))}";

    public static string SystemFactRefused(string fact, string action) =>
        $"Action '{action}' would set fact '{fact}', which only the administration or the platform sets; nothing was saved.";

    public static string SegregationOfDuties(string action, string earlier) =>
        $"Action '{action}' must be done by someone other than who did '{earlier}'.";

    public static string GuardFailed(string when, string ruleSet, string version) =>
        $"Guard '{when}' of rule set '{ruleSet}' (version {version}) did not hold.";

    public static string ChainTooLong(int max, string state) =>
        $"More than {max} automatic transitions in one firing; last at state '{state}'.";

    public static string AutomaticCycle(string transition, string state) =>
        $"Automatic transition '{transition}' would enter state '{state}' a second time in one firing.";

    public static string NotAllowed(string what, string state, IReadOnlyCollection<string> possibleActions) =>
        possibleActions.Count > 0
            ? $"{what} is not possible in state '{state}'. Possible actions: {string.Join(", ", possibleActions)}."
            : $"{what} is not possible in state '{state}'.";
}
