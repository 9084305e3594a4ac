using System.Globalization;

namespace DigitalWallonia.Web.Shared.Forms;

/// <summary>
/// A field's path is the one the runtime names in its field errors (<c>reason</c>, <c>declaration.enterprise</c>,
/// <c>partners[1].share</c>); the form's input name is the path under the form's prefix (<c>input.partners[1].share</c>)
/// and its id the same with dashes (<c>input-partners-1-share</c>), so an error finds its field by path alone.
/// </summary>
internal static class FormPaths
{
    public static string Child(string? parent, string key) => parent is null ? key : $"{parent}.{key}";

    public static string Item(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    public static string Name(string prefix, string path) => $"{prefix}.{path}";

    public static string Id(string prefix, string path) =>
        $"{prefix}-{path}".Replace('.', '-').Replace('[', '-').Replace("]", string.Empty, StringComparison.Ordinal);

    /// <summary>The path one level up (<c>a.b[2]</c> → <c>a.b</c> → <c>a</c>), or null at the top.</summary>
    public static string? Parent(string path)
    {
        var cut = path.LastIndexOfAny(['.', '[']);
        return cut <= 0 ? null : path[..cut];
    }
}
