using System.Globalization;

namespace DigitalWallonia.Rules.Syntax;

/// <summary>
/// Every diagnostic code and message text, in one place so wording stays consistent and reviewable.
/// Codes are stable: tools and tests match on them, never on the text.
/// </summary>
internal static class DiagnosticMessages
{
    public const string UnexpectedCharacter = "DW1001";
    public const string UnterminatedString = "DW1002";
    public const string InvalidNumber = "DW1003";
    public const string LiteralTooLong = "DW1004";
    public const string ExpressionTooLong = "DW1005";
    public const string ExpectedToken = "DW1010";
    public const string UnexpectedToken = "DW1011";
    public const string ExpectedExpression = "DW1012";
    public const string NestingTooDeep = "DW1013";
    public const string TrailingText = "DW1014";
    public const string ObjectCreationNotAllowed = "DW1015";
    public const string LambdaNotAllowed = "DW1016";
    public const string UnknownIdentifier = "DW1020";
    public const string UnknownMember = "DW1021";
    public const string MemberNotAllowed = "DW1022";
    public const string UnknownMethod = "DW1023";
    public const string WrongArgumentCount = "DW1024";
    public const string OperatorNotDefined = "DW1025";
    public const string TypeMismatch = "DW1026";
    public const string UnknownParameter = "DW1027";
    public const string ForbiddenName = "DW1028";
    public const string InvalidArgument = "DW1029";
    public const string NotIndexable = "DW1030";
    public const string InvalidJson = "DW1040";
    public const string InvalidProperty = "DW1041";
    public const string MissingProperty = "DW1042";
    public const string DuplicateName = "DW1043";
    public const string VersionOverlap = "DW1044";
    public const string InvalidDate = "DW1045";
    public const string InvalidSchemaType = "DW1046";
    public const string UnknownSupersedes = "DW1047";
    public const string DuplicateVersion = "DW1048";
    public const string InvalidInput = "DW1050";
    public const string UnknownReference = "DW1051";
    public const string ReferenceCycle = "DW1052";
    public const string MissingLegalBasis = "DW1060";
    public const string MissingValidity = "DW1061";
    public const string TestWithoutExpectation = "DW1062";

    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    public const string UnexpectedCharacterText = "unexpected character '{0}'";
    public const string UnterminatedStringText = "string literal is not closed; expected a closing {0}";
    public const string InvalidEscapeText = "unknown escape sequence '\\{0}' in string literal";
    public const string InvalidNumberText = "'{0}' is not a valid number";
    public const string NumberTooLargeText = "number '{0}' is too large; integers must fit in 64 bits and decimals in 28 digits";
    public const string LiteralTooLongText = "literal is {0} characters long; the limit is {1}";
    public const string ExpressionTooLongText = "expression is {0} characters long; the limit is {1}";
    public const string ExpectedTokenText = "'{0}' expected";
    public const string ExpectedTokenFoundText = "'{0}' expected but found '{1}'";
    public const string UnexpectedTokenText = "unexpected '{0}'";
    public const string ExpectedExpressionText = "expression expected but found '{0}'";
    public const string NestingTooDeepText = "expression is nested more than {0} levels deep";
    public const string TrailingTextText = "unexpected '{0}' after the end of the expression";
    public const string ObjectCreationText = "creating objects is not allowed; only 'new[] {{ ... }}' lists and 'new (value as Name, ...)' outputs are";
    public const string LambdaNotAllowedText = "a lambda ('=>') is only allowed as the argument of a collection method such as Any or Where";
    public const string AssignmentText = "assignment is not allowed in a rule expression";
    public const string UnknownIdentifierText = "unknown identifier '{0}'";
    public const string UnknownIdentifierSuggestText = "unknown identifier '{0}'; did you mean '{1}'?";
    public const string UnknownMemberText = "unknown member '{0}' on {1}";
    public const string UnknownMemberSuggestText = "unknown member '{0}' on {1}; did you mean '{2}'?";
    public const string MemberNotAllowedText = "'{0}' is not allowed in rule expressions: {1}";
    public const string ReflectionReason = "reflection and type inspection are outside the rule language";
    public const string ClockReason = "rules never read the clock; use 'today', the evaluation date";
    public const string UnknownMethodText = "no method '{0}' on {1}";
    public const string WrongArgumentCountText = "'{0}' takes {1} argument(s), not {2}";
    public const string OperatorNotDefinedText = "operator '{0}' is not defined for {1} and {2}";
    public const string UnaryOperatorNotDefinedText = "operator '{0}' is not defined for {1}";
    public const string TypeMismatchText = "{0} expected but the expression is {1}";
    public const string UnknownParameterText = "unknown parameter 'params.{0}'; declared parameters: {1}";
    public const string ForbiddenNameText = "'{0}' is not available in rule expressions: only inputs, parameters, 'today' and the documented functions are";
    public const string InvalidArgumentText = "invalid argument for '{0}': {1}";
    public const string NotIndexableText = "{0} cannot be indexed; only lists can";
    public const string InvalidJsonText = "invalid JSON: {0}";
    public const string InvalidPropertyText = "invalid value for '{0}': {1}";
    public const string MissingPropertyText = "'{0}' is required";
    public const string MissingLegalBasisText = "{0} has no LegalBasis: a published rule or value must cite its legal source";
    public const string TestWithoutExpectationText = "test '{0}' expects nothing: give Expect (rule outcomes) or ExpectOutputs";
    public const string MissingValidityText = "rule set '{0}' v{1} needs a ValidFrom (or Supersedes, for a correction) to be published";
    public const string DuplicateNameText = "duplicate {0} '{1}'";
    public const string VersionOverlapText = "rule set '{0}' version {1} overlaps version {2} from {3}; a correction for the same period must say \"Supersedes\": {2}";
    public const string InvalidDateText = "'{0}' is not a date; write it as YYYY-MM-DD, e.g. 2024-01-01";
    public const string InvalidSchemaTypeText = "unknown input type '{0}'; use integer, decimal, string, boolean, date, object or list";
    public const string UnknownSupersedesText = "rule set '{0}' version {1} supersedes version {2}, which does not exist";
    public const string DuplicateVersionText = "rule set '{0}' version {1} is already registered; a published version is never edited, publish a new one";
    public const string InvalidInputText = "input '{0}' does not match its schema: {1}";
    public const string UnknownInjectedWorkflowText = "WorkflowsToInject: no workflow named '{0}' in this file (in force on {1})";
    public const string InjectionCycleText = "WorkflowsToInject: workflow '{0}' injects itself through {1}";
    public const string InjectedDuplicateText = "WorkflowsToInject: rule '{0}' of workflow '{1}' has the name of a rule already in '{2}'";
    public const string UnknownTargetWorkflowText = "EvaluateRule: no workflow named '{0}' in this file";
    public const string UnknownTargetRuleText = "EvaluateRule: workflow '{0}' has no enabled top-level rule named '{1}'";
    public const string RuleCallCycleText = "EvaluateRule: rules evaluate each other in a cycle ({0}); a chain of EvaluateRule actions must end";
}
