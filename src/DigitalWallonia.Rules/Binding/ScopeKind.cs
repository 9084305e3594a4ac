namespace DigitalWallonia.Rules.Binding;

internal enum ScopeKind
{
    Input,
    Global,
    Local,
    Parameter,
}
