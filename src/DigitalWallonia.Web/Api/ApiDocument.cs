using DigitalWallonia.Web.Account;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DigitalWallonia.Web.Api;

/// <summary>
/// What the OpenAPI document says once for every operation: what the API is, and the two ways to call it — a bearer token
/// from the OAuth client-credentials grant at <c>/connect/token</c> with the API's scopes, or a signed-in person's
/// session cookie.
/// </summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public const string OAuth = "oauth2";
    public const string Session = "session";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Digital Wallonia API",
            Version = "v1",
            Description = "Dossiers of the Walloon Region's digital grants and labels: read them, take their workflow actions with typed "
                + "input, upload and download their documents, read the programmes, rule sets, workflows and deadlines, and report "
                + "other systems' events. Errors are RFC 9457 problem details. Machine clients use OAuth 2.0 client credentials "
                + "(docs/api.md); people use their session.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OAuth] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "A bearer token (signed JWT) for the audience " + ApiScopes.Audience + ".",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string>
                    {
                        [ApiScopes.Read] = "Read dossiers, documents, companies, programmes, rule sets, workflows and deadlines.",
                        [ApiScopes.Act] = "Take workflow actions and upload documents, as the client's roles allow.",
                        [ApiScopes.Events] = "Report another system's events on dossiers (payment-confirmed).",
                    },
                },
            },
        };
        document.Components.SecuritySchemes[Session] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "dw.session",
            Description = "A signed-in person's session; changes also need the RequestVerificationToken header.",
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuth, document)] = [.. ApiScopes.All] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Session, document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
