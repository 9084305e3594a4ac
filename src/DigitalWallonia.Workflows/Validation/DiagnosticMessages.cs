using System.Globalization;

namespace DigitalWallonia.Workflows.Validation;

/// <summary>
/// Every diagnostic code and text of the workflow engine, in one place so wording stays consistent and codes never move.
/// DW200x: the file's shape; DW202x: references to catalogues and states; DW203x: the state machine's structure;
/// DW205x: the role catalogue; DW206x: action input and the facts it sets.
/// </summary>
internal static class DiagnosticMessages
{
    public const string MalformedJson = "DW2001";
    public const string WrongType = "DW2002";
    public const string MissingProperty = "DW2003";
    public const string UnknownProperty = "DW2004";
    public const string DuplicateProperty = "DW2005";
    public const string InvalidValue = "DW2006";
    public const string TriggerKind = "DW2007";
    public const string FrenchRequired = "DW2008";
    public const string UnknownActionType = "DW2009";
    public const string DuplicateState = "DW2010";
    public const string DuplicateTransition = "DW2011";
    public const string NameTooLong = "DW2012";
    public const string UnknownState = "DW2020";
    public const string UnknownRole = "DW2021";
    public const string UnknownTemplate = "DW2022";
    public const string UnknownRuleSet = "DW2023";
    public const string NoInitialState = "DW2030";
    public const string MultipleInitialStates = "DW2031";
    public const string UnreachableState = "DW2032";
    public const string DeadEnd = "DW2033";
    public const string TransitionFromFinal = "DW2034";
    public const string AmbiguousTrigger = "DW2035";
    public const string TimerWithoutDeadline = "DW2036";
    public const string DeadlineWithoutTimer = "DW2037";
    public const string DossierDeadlineUnanswered = "DW2045";
    public const string SegregationWithoutPerson = "DW2046";
    public const string UnknownEarlierAction = "DW2038";
    public const string AutomaticCycle = "DW2039";
    public const string SegregationOutsideTransition = "DW2040";
    public const string CancelUnknownDeadline = "DW2041";
    public const string ActionWithoutRoles = "DW2042";
    public const string DuplicateRole = "DW2050";
    public const string UnknownInputType = "DW2060";
    public const string DuplicateInputKey = "DW2061";
    public const string ConstraintNotForType = "DW2062";
    public const string InvalidConstraint = "DW2063";
    public const string SetFactWithoutInput = "DW2064";
    public const string SystemFactByParty = "DW2065";
    public const string InvalidFactPath = "DW2066";
    public const string ParameterOfAnotherProgramme = "DW2067";

    public static string Malformed(string detail) => $"malformed JSON: {detail}";

    public static string Expected(string expected, string found) => $"expected {expected}, found {found}";

    public static string Missing(string property) => $"required property '{property}' is missing";

    public static string Unknown(string property, IEnumerable<string> known) =>
        $"unknown property '{property}'; expected one of: {string.Join(", ", known)}";

    public static string Duplicate(string property) => $"property '{property}' is given more than once";

    public static string NotOneOf(string value, IEnumerable<string> allowed) =>
        $"'{value}' is not valid here; expected one of: {string.Join(", ", allowed)}";

    public static string InvalidGuardCondition(string value) =>
        $"'{value}' is not a guard condition; expected allPassed, rule:NAME or event:SUCCESS_EVENT";

    public static string InvalidDuration(string detail) => $"invalid duration: {detail}";

    public static string OutOfRange(string property, long min, long max, long found) =>
        string.Create(CultureInfo.InvariantCulture, $"'{property}' must be between {min} and {max}, found {found}");

    public static string OnlyForActions(string property) => $"'{property}' applies only to an action trigger";

    public static string AutomaticMustBeTrue() => "'automatic' must be true; leave it out for another trigger kind";

    public static string EmptyName(string what) => $"{what} must not be empty";

    public static string TriggerNeedsOneKind(IEnumerable<string> found) =>
        found.Any()
            ? $"a trigger has exactly one kind, found: {string.Join(", ", found)}"
            : "a trigger needs one of: action, automatic, timer, event";

    public static string FrenchMissing(string what) => $"{what} needs a French text ('fr')";

    public static string UnknownCulture(string culture) => $"unknown culture '{culture}'; expected fr, de, nl or en";

    public static string UnknownAction(string type, IEnumerable<string> known) =>
        $"unknown action type '{type}'; expected one of: {string.Join(", ", known)}";

    public static string StateDefinedTwice(string id) => $"state '{id}' is defined more than once";

    public static string TransitionDefinedTwice(string id) => $"transition id '{id}' is used more than once";

    public static string LongerThanStored(string what, string name, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} '{Shorten(name)}' is {name.Length} characters long; the platform stores at most {max}");

    public static string DerivedIdLongerThanStored(string id, int max) =>
        $"{LongerThanStored("transition id", id, max)}; it is derived as FROM->TO:TRIGGER, so give the transition a shorter 'id'";

    public static string NoSuchState(string id, string? suggestion) => $"unknown state '{id}'{DidYouMean(suggestion)}";

    public static string NoSuchRole(string role, string? suggestion) => $"unknown role '{role}'{DidYouMean(suggestion)} (roles are listed in workflows/roles.json)";

    public static string NoSuchTemplate(string key, string? suggestion) => $"unknown template '{key}'{DidYouMean(suggestion)} (templates are templates/{{lang}}/{{key}}.subject.hbs, ...)";

    public static string ParameterNotInWorkflowRuleSets(string parameter, IEnumerable<string> named, IEnumerable<string> holders)
    {
        var where = holders.Any() ? $"it is a parameter of {string.Join(", ", holders.Select(h => $"'{h}'"))}, not of this workflow's rule sets" : "no rule set has it";
        var own = named.Any() ? string.Join(", ", named.Select(n => $"'{n}'")) : "none";
        return $"duration parameter '{parameter}': {where}; a delay is read only from the rule sets this workflow names ({own}), so that another programme's change cannot move its deadlines";
    }

    public static string NoSuchRuleSet(string name, string? suggestion) => $"unknown rule set '{name}'{DidYouMean(suggestion)} (rule sets are the WorkflowName of files under rules/)";

    public static string NoInitial() => "the workflow has no initial state; mark exactly one state with \"kind\": \"initial\"";

    public static string SecondInitial(string id, string first) => $"state '{id}' is a second initial state; '{first}' is already initial";

    public static string Unreachable(string id) => $"state '{id}' cannot be reached from the initial state";

    public static string NoWayOut(string id) => $"state '{id}' is not final but no transition leaves it; mark it \"kind\": \"final\" or add a transition";

    public static string LeavesFinal(string from) => $"state '{from}' is final: no transition may leave it";

    public static string Ambiguous(string trigger, string state, string other) =>
        $"trigger '{trigger}' from state '{state}' is ambiguous with transition '{other}': the roles overlap and no guard tells them apart";

    public static string TimerNeverCreated(string kind) =>
        $"timer waits for deadline '{kind}', but no createDeadline action creates it";

    public static string DeadlineFiresIntoNothing(string kind, string state) =>
        $"deadline '{kind}' is created for state '{state}' but no timer transition leaves '{state}' on it, so it would fire into nothing";

    public static string FallsDueUnanswered(string kind, string state) =>
        $"deadline '{kind}' lives with the dossier and may still be open in state '{state}', where no timer transition waits for it: falling due there it would change nothing; add a timer transition from '{state}' or cancel it on the way";

    public static string NoEarlierAction(string action) => $"no transition is triggered by action '{action}', so no earlier actor can be compared";

    public static string CycleOfAutomatic(string path) => $"automatic transitions without guards loop forever: {path}";

    public static string NobodyToCompare(string transition, string trigger) =>
        $"requireDifferentActor compares the person taking the transition, but nobody takes '{transition}' ({trigger}): the check would never apply; put it on the action a person takes";

    public static string SegregationOnlyOnTransitions() => "requireDifferentActor compares the actor of a transition; put it in a transition's actions";

    public static string CancelNeverCreated(string kind) => $"deadline '{kind}' is cancelled, but no createDeadline action creates it";

    public static string NoRolesForAction(string action, string state) =>
        $"action '{action}' names no roles and state '{state}' has none, so nobody could act";

    public static string InputFieldNameOnly(string name) =>
        $"input field '{name}' is a name only; declare it as {{ \"key\": \"{name}\", \"type\": ..., \"label\": {{ \"fr\": ... }} }}";

    public static string NoSuchInputType(string type, IEnumerable<string> known) =>
        $"unknown input type '{type}'; expected one of: {string.Join(", ", known)}";

    public static string InputKeyTwice(string key) => $"input field '{key}' is declared more than once";

    public static string InvalidInputKey(string key) =>
        $"input field key '{key}' must be a name rules can read as input.{key}: a letter, then letters and digits";

    public static string NotForType(string constraint, string type, string appliesTo) =>
        $"'{constraint}' does not apply to a field of type {type}; it applies to {appliesTo}";

    public static string MinAboveMax(decimal min, decimal max) =>
        string.Create(CultureInfo.InvariantCulture, $"'min' ({min}) is greater than 'max' ({max}): no value could be given");

    public static string NegativeCount(string constraint) => $"'{constraint}' counts items and cannot be negative";

    public static string FractionalBound(string constraint, string type) => $"'{constraint}' of a field of type {type} must be a whole number";

    public static string MoneyBound(string constraint) => $"'{constraint}' of a money field has at most two decimals (cents)";

    public static string BadPattern(string detail) => $"'pattern' is not a valid regular expression: {detail}";

    public static string NeedsConstraint(string type, string constraint) => $"a field of type {type} needs '{constraint}'";

    public static string OptionTwice(string value) => $"option '{value}' is given more than once";

    public static string BadMediaType(string mediaType) => $"'{mediaType}' is not a media type (type/subtype, e.g. application/pdf)";

    public static string SetFactOffAction() =>
        "setFact stores a value a person gave with an action; put it in the actions of a transition triggered by an action";

    public static string SetFactNoField(string field, string action, IEnumerable<string> declared) =>
        declared.Any()
            ? $"action '{action}' declares no input field '{field}'; it declares: {string.Join(", ", declared)}"
            : $"action '{action}' declares no input field '{field}' (it declares no input)";

    public static string SystemFactWrittenByParty(string fact, IEnumerable<string> partyRoles) =>
        $"fact '{fact}' is the system's (granted amounts and rates, instalments, ledger, register and company register facts) and party roles ({string.Join(", ", partyRoles)}) may take this transition: a party never writes it";

    public static string BadFactPath(string fact) =>
        $"'{fact}' is not a fact path: names of letters and digits separated by dots (declaration.staff)";

    public static string RoleDefinedTwice(string key) => $"role '{key}' is defined more than once";

    // A name too long to store is also too long to read in full on one diagnostic line.
    private static string Shorten(string name) => name.Length <= 40 ? name : $"{name[..40]}...";

    private static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
}
