namespace DigitalWallonia.Platform.Notifications.Templates;

/// <summary>The content of a mustache: a head (helper or value), positional arguments, hash arguments and block parameters.</summary>
internal sealed record HbsCall(
    HbsExpression Head,
    IReadOnlyList<HbsExpression> Arguments,
    IReadOnlyList<HbsHashArgument> Hash,
    IReadOnlyList<HbsSegment> BlockParameters);
