namespace DigitalWallonia.Platform;

internal static class Placeholder;
