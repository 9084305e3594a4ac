namespace DigitalWallonia.Rules.Model;

internal enum RuleOperator
{
    None,
    And,
    Or,
}
