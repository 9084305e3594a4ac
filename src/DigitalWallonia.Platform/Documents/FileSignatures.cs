namespace DigitalWallonia.Platform.Documents;

/// <summary>
/// The first bytes every file of a common type starts with, so that an upload is what its declared type says (a script
/// renamed .pdf is refused). A type without a known signature is taken at its word.
/// </summary>
public static class FileSignatures
{
    private static readonly Dictionary<string, byte[]> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "%PDF-"u8.ToArray(),
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
    };

    public static bool Matches(string mediaType, ReadOnlySpan<byte> content) =>
        !Known.TryGetValue(mediaType, out var signature) || content.StartsWith(signature);
}
