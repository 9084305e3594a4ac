using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DigitalWallonia.Web.Identity;

/// <summary>
/// Before the server listens, once the database is migrated (<see cref="Hosting.DatabaseStartup"/> starts first): loads the
/// provider's keys. Once it listens (its addresses are known, a test's free port included): registers the app as a client
/// of the local provider, adding the redirect addresses it is reached at, registers the machine clients, and grants the
/// personas and machine clients their staff roles. All idempotent, so every node and every restart may run them.
/// </summary>
internal sealed class LocalProviderStartup(
    IServiceProvider services, IServer server, IOptions<LocalProviderOptions> options, LocalProviderKeys keys, TimeProvider clock,
    ILogger<LocalProviderStartup> logger) : IHostedLifecycleService
{
    public const string GrantedBy = "Identity:LocalProvider:Personas";

    public const string GrantedToClientsBy = "Identity:LocalProvider:Clients";

    public Task StartingAsync(CancellationToken cancellationToken) => keys.LoadAsync(cancellationToken);

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await RegisterClientAsync(applications, cancellationToken);
        await RegisterMachineClientsAsync(applications, cancellationToken);
        await GrantStaffRolesAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), cancellationToken);
    }

    /// <summary>The addresses the app answers at: the server's (a wildcard host read as localhost) and the configured ones.</summary>
    public static IEnumerable<Uri> AppAddresses(IServer server, LocalProviderOptions options)
    {
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var addresses = listening.Concat(options.AppAddresses).ToList();
        // A server that listens nowhere (the in-memory test server) is reached as http://localhost/.
        foreach (var address in addresses.Count > 0 ? addresses : ["http://localhost/"])
        {
            var normalised = address.Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal);
            var uri = new Uri(normalised.EndsWith('/') ? normalised : normalised + "/");
            yield return uri;
            // A browser may use either name of the loopback interface.
            if (uri.Host == "localhost")
            {
                yield return new UriBuilder(uri) { Host = "127.0.0.1" }.Uri;
            }
            else if (uri.Host == "127.0.0.1")
            {
                yield return new UriBuilder(uri) { Host = "localhost" }.Uri;
            }
        }
    }

    private async Task RegisterClientAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = options.Value.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Digital Wallonia",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Prefixes.Scope + LocalProvider.MandatesScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        var existing = await applications.FindByClientIdAsync(options.Value.ClientId, cancellationToken);
        if (existing is not null)
        {
            // Keep the redirect addresses already registered; everything else is what this version of the app says.
            var registered = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(registered, existing, cancellationToken);
            descriptor.RedirectUris.UnionWith(registered.RedirectUris);
            descriptor.PostLogoutRedirectUris.UnionWith(registered.PostLogoutRedirectUris);
        }

        // Added to, never replaced: nodes listening at other addresses share the one registration.
        foreach (var address in AppAddresses(server, options.Value))
        {
            // The staff scheme's callbacks too, so a demonstration or test can point Authentication:Staff here.
            foreach (var suffix in new[] { "", "-staff" })
            {
                descriptor.RedirectUris.Add(new Uri(address, "signin-oidc" + suffix));
                descriptor.PostLogoutRedirectUris.Add(new Uri(address, "signout-callback-oidc" + suffix));
            }
        }

        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    // Confidential clients: OpenIddict keeps a hash of the secret and checks it at the token endpoint. The descriptor is
    // written again at each start, so a secret or a scope changed in configuration takes effect.
    private async Task RegisterMachineClientsAsync(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        foreach (var client in options.Value.Clients)
        {
            if (string.IsNullOrWhiteSpace(client.ClientId) || string.IsNullOrWhiteSpace(client.Secret))
            {
                logger.LogWarning("Machine client '{ClientId}' has no secret in configuration ({Section}:Clients): it is not registered.",
                    client.ClientId, LocalProviderOptions.Section);
                continue;
            }

            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientSecret = client.Secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = string.IsNullOrWhiteSpace(client.DisplayName) ? client.ClientId : client.DisplayName,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            };
            descriptor.Permissions.UnionWith(client.Scopes.Select(scope => Permissions.Prefixes.Scope + scope));
            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
    }

    // Persona and machine-client roles from configuration, granted once and logged (a revocation is not undone).
    private Task GrantStaffRolesAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        Admin.ConfiguredAdministrators.GrantOnceAsync(db,
            options.Value.Personas.SelectMany(p => p.Roles.Select(r => (p.Subject, r, GrantedBy)))
                .Concat(options.Value.Clients.SelectMany(c => c.Roles.Select(r => (c.ClientId, r, GrantedToClientsBy)))),
            clock.GetUtcNow(), cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
