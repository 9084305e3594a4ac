namespace DigitalWallonia.Workflows.Validation;

internal enum ActionPlacement
{
    Entry,
    Exit,
    Transition,
}
