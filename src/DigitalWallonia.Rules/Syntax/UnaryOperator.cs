namespace DigitalWallonia.Rules.Syntax;

internal enum UnaryOperator
{
    Not,
    Negate,
    Plus,
}
