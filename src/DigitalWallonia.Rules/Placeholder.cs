namespace DigitalWallonia.Rules;

internal static class Placeholder;
