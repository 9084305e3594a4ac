namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// A path such as <c>dossier.reference</c>, <c>this</c>, <c>../name</c> or <c>@index</c>. <see cref="ParentDepth"/> counts
/// the leading <c>../</c>; <see cref="Segments"/> excludes <c>this</c>.
/// </summary>
internal sealed record HbsPath(int Offset, string Text, bool IsData, int ParentDepth, IReadOnlyList<HbsSegment> Segments)
    : HbsExpression(Offset, Text)
{
    /// <summary>A single plain name that could also be a helper's name.</summary>
    public bool IsSimpleName => !IsData && ParentDepth == 0 && Segments.Count == 1 && !Text.StartsWith("this", StringComparison.Ordinal)
        && !Text.StartsWith('.');
}
