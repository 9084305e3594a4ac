using System.Security.Cryptography;
using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Persistence;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace DigitalWallonia.Web.Identity;

/// <summary>
/// The local provider's keys: an RSA key that signs its tokens (identity tokens, and the access tokens the API verifies)
/// and an AES key that encrypts what only the provider reads back (authorization codes). From configuration when given,
/// else generated once and kept in the database: either way every node signs, encrypts and verifies with the same keys,
/// so a code one node issued is redeemed on another and a token from any node is accepted by all. Loaded when the host
/// starts, after the database is migrated and before any request (<see cref="LocalProviderStartup"/>).
/// </summary>
public sealed class LocalProviderKeys(IServiceProvider services, IOptions<LocalProviderOptions> options, TimeProvider clock)
{
    private RsaSecurityKey? _signing;
    private SymmetricSecurityKey? _encryption;

    public RsaSecurityKey Signing => _signing ?? throw NotLoaded();

    public SymmetricSecurityKey Encryption => _encryption ?? throw NotLoaded();

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var signing = string.IsNullOrWhiteSpace(configured.SigningKey)
            ? await ProviderKeyring.GetOrCreateAsync(db, ProviderKey.Signing, NewSigningKey, clock.GetUtcNow(), cancellationToken)
            : configured.SigningKey;
        var encryption = string.IsNullOrWhiteSpace(configured.EncryptionKey)
            ? await ProviderKeyring.GetOrCreateAsync(db, ProviderKey.Encryption, NewEncryptionKey, clock.GetUtcNow(), cancellationToken)
            : configured.EncryptionKey;
        _signing = ReadSigningKey(signing);
        _encryption = ReadEncryptionKey(encryption);
    }

    /// <summary>Gives the keys to the OpenIddict server (its options are built on first use, after <see cref="LoadAsync"/>).</summary>
    internal void ConfigureServer(OpenIddictServerOptions server)
    {
        server.SigningCredentials.Add(new SigningCredentials(Signing, SecurityAlgorithms.RsaSha256));
        server.EncryptionCredentials.Add(new EncryptingCredentials(Encryption, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private static string NewSigningKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    private static string NewEncryptionKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static RsaSecurityKey ReadSigningKey(string pem)
    {
        var rsa = RSA.Create(); // lives as long as the host: the key is used for every token
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (ArgumentException e)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"{LocalProviderOptions.Section}:SigningKey is not an RSA private key in PEM form: {e.Message}", e);
        }

        // The key id is derived from the public key, so every node names the same key the same way in the tokens' headers.
        var id = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = id };
    }

    private static SymmetricSecurityKey ReadEncryptionKey(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{LocalProviderOptions.Section}:EncryptionKey is not base64.", e);
        }

        return bytes.Length == 32
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"{LocalProviderOptions.Section}:EncryptionKey must be 256 bits (32 bytes, base64); it has {bytes.Length * 8}.");
    }

    private static InvalidOperationException NotLoaded() =>
        new("The local provider's keys are loaded when the host starts; none is loaded yet.");
}
