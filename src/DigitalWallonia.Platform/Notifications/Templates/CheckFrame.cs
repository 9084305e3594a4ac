namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>
/// One level of the checker's scope: the context type, block parameters, whether <c>@index</c> is defined, and
/// whether this level changes the context (each, with, a partial), which is what <c>../</c> counts.
/// </summary>
internal sealed record CheckFrame(
    ModelType Context,
    string Label,
    bool ChangesContext,
    bool InEach,
    string? BlockName,
    int OpenOffset,
    IReadOnlyDictionary<string, ModelType> BlockParameters)
{
    public static readonly IReadOnlyDictionary<string, ModelType> NoParameters = new Dictionary<string, ModelType>(StringComparer.Ordinal);
}
