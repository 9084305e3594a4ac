using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Api;

/// <summary>Machine clients: OAuth client credentials at the local provider, signed JWTs the API verifies with the provider's key.</summary>
public class ClientCredentialsTests
{
    private static readonly Actor Handler = new("handler-1", "Anne Handler", ["case-handler"]);

    [Theory, OnSqlite, OnPostgres]
    public async Task The_payment_system_confirms_a_payment_with_a_client_credentials_token(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.EmptyAsync(provider);
        await using var api = ApiHost.Start(database);
        var dossier = await api.OpenDossierAsync(ApiHost.ClairesCompany);
        Assert.True((await api.FireAsync(dossier.Reference, "submit", new { title = "Ligne", requested = 8000 },
            await ActionApiTests.ClaireAsActorAsync(api, dossier.Id))).Accepted);
        Assert.Equal("payment-pending", (await api.FireAsync(dossier.Reference, "approve", null, Handler)).State);
        var payment = api.WithToken(await api.TokenAsync(ApiHost.PaymentClient, ApiHost.PaymentSecret, "dw.events"));

        var unknown = await ApiHost.PostJsonAsync(payment, $"/api/v1/dossiers/{dossier.Reference}/events/payment-confirmed", new { instalment = "bonus" });
        var unnamed = await ApiHost.PostJsonAsync(payment, $"/api/v1/dossiers/{dossier.Reference}/events/payment-confirmed", new { paidOn = "2026-05-20" });
        var confirmed = await ApiHost.PostJsonAsync(payment, $"/api/v1/dossiers/{dossier.Reference}/events/payment-confirmed",
            new { instalment = "single", paidOn = "2026-05-20" });
        var again = await ApiHost.PostJsonAsync(payment, $"/api/v1/dossiers/{dossier.Reference}/events/payment-confirmed", new { instalment = "single" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("names the instalment 'bonus', which is not planned (planned: single)", (await ApiHost.JsonAsync(unknown)).GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unnamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("paid", (await ApiHost.JsonAsync(confirmed)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // a paid dossier expects no payment
        await using var db = database.CreateContext();
        var instalment = await db.Instalments.SingleAsync(i => i.DossierId == dossier.Id);
        Assert.Equal(("single", 4_000m, "paid"), (instalment.Name, instalment.Amount, instalment.Status));
        var history = await db.DossierHistory.Where(h => h.DossierId == dossier.Id).OrderBy(h => h.Sequence).ToListAsync();
        Assert.Equal(("paid", ApiHost.PaymentClient), (history[^1].ToState, history[^1].SubjectId)); // the client is the actor of record
    }

    [Fact]
    public async Task A_client_credentials_token_is_a_signed_jwt_for_the_api_not_an_encrypted_one()
    {
        await using var database = await TestDatabase.EmptyAsync(DatabaseProvider.Sqlite);
        await using var api = ApiHost.Start(database);

        var token = await api.TokenAsync("statistics-export", "demo-statistics-secret", "dw.read");

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length); // JWS; an encrypted JWT (JWE) has five parts
        var header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
        var payload = JsonDocument.Parse(Base64Url(parts[1])).RootElement;
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("statistics-export", payload.GetProperty("sub").GetString());
        Assert.Equal("digitalwallonia-api", payload.GetProperty("aud").ValueKind == JsonValueKind.Array
            ? payload.GetProperty("aud")[0].GetString() : payload.GetProperty("aud").GetString());
        Assert.Equal("dw.read", payload.GetProperty("scope").GetString());
        // Verified with the key the database keeps (no key configured here), as every node does.
        await using var db = database.CreateContext();
        var pem = await db.ProviderKeys.Where(k => k.Purpose == ProviderKey.Signing).Select(k => k.Material).SingleAsync();
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Convert.FromBase64String(Pad(parts[2])),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    internal static string Base64Url(string part) => Encoding.UTF8.GetString(Convert.FromBase64String(Pad(part)));

    internal static string Pad(string part)
    {
        var base64 = part.Replace('-', '+').Replace('_', '/');
        return base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
    }
}
