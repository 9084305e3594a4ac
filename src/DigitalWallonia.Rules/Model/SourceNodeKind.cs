namespace DigitalWallonia.Rules.Model;

internal enum SourceNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
