namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>The codes and texts of template diagnostics, in one place (docs/notifications.md lists the codes).</summary>
internal static class TemplateMessages
{
    public const string Malformed = "DW5001";
    public const string BlockStructure = "DW5002";
    public const string UnknownName = "DW5003";
    public const string UnknownHelper = "DW5004";
    public const string UnknownPartial = "DW5005";
    public const string HelperMisuse = "DW5006";
    public const string NotPrintable = "DW5007";
    public const string MissingPart = "DW5008";
    public const string ModelFile = "DW5009";
    public const string RejectedByHandlebars = "DW5010";
    public const string Unsupported = "DW5011";

    public static string NeverClosed(string open) => $"'{open}' is never closed";

    public static string ExpectedClose(string expected) => $"expected '{expected}' to close this mustache";

    public static string Unexpected(char c, string where) => $"unexpected '{c}' {where}";

    public const string UnterminatedString = "unterminated string literal";

    public const string UnterminatedComment = "comment is never closed: expected '--}}'";

    public const string EmptyMustache = "empty mustache: expected a name";

    public const string MissingCloseParen = "expected ')' to close the sub-expression";

    public const string PositionalAfterHash = "positional arguments must come before name=value arguments";

    public static string UnsupportedConstruct(string what) => $"{what} are not supported in our templates";

    public static string BlockNeverClosed(string name) => $"'{{{{#{name}}}}}' is never closed: expected '{{{{/{name}}}}}'";

    public static string CloseWithoutOpen(string name) => $"'{{{{/{name}}}}}' closes no open block";

    public static string CloseMismatch(string name, string open, int line, int column) =>
        $"'{{{{/{name}}}}}' does not close '{{{{#{open}}}}}' opened at {line}:{column}";

    public const string ElseOutsideBlock = "'{{else}}' outside a block";

    public static string UnknownField(string name, string where, string? suggestion) =>
        $"unknown name '{name}' in {where}{DidYouMean(suggestion)}";

    public static string ParentOutOfScope(string path) => $"'{path}' goes above the template's root";

    public static string NoSuchHelper(string name, string? suggestion) =>
        $"unknown helper '{name}'{DidYouMean(suggestion)}; helpers are {string.Join(", ", TemplateHelpers.Names)}";

    public static string NoSuchPartial(string name, string? suggestion) => $"unknown partial '{name}'{DidYouMean(suggestion)}";

    public static string Arity(string helper, int expected, int given) =>
        $"'{helper}' takes {expected} argument{(expected == 1 ? string.Empty : "s")}, {given} given";

    public static string WrongType(string helper, string expected, string path, string actual) =>
        $"'{helper}' expects {expected}; '{path}' is {actual}";

    public static string ObjectOutput(string path, string kind, IEnumerable<string> fields) =>
        $"'{path}' is {kind} and cannot be printed{(fields.Any() ? $"; print one of its fields ({string.Join(", ", fields)})" : string.Empty)}";

    public static string HelperAsBlock(string name) => $"'{name}' is not a block helper; write '{{{{{name} ...}}}}'";

    public static string BlockNeedsArgument(string name) => $"'{{{{#{name}}}}}' needs one argument";

    public static string UnknownDataVariable(string name) => $"'@{name}' is only defined inside '{{{{#each}}}}'";

    private static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
}
