namespace DigitalWallonia.Workflows;

internal static class Placeholder;
