namespace DigitalWallonia.Rules.Binding;

internal enum TypeKind
{
    /// <summary>Type not known at check time (no Inputs schema); only syntax and the allowed set are checked.</summary>
    Unknown,

    /// <summary>The type of <c>null</c> and of a JSON null seen without a schema: compatible with everything, always absent.</summary>
    Null,
    Int,
    Decimal,
    String,
    Bool,
    Date,
    Span,
    Object,
    List,
}
