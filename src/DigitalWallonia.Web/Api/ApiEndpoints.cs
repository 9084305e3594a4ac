using DigitalWallonia.Web.Access;
using DigitalWallonia.Web.Api.V1;
using Scalar.AspNetCore;

namespace DigitalWallonia.Web.Api;

/// <summary>
/// The REST API: <c>/api/v1</c>, described by the OpenAPI document at <c>/openapi/v1.json</c>, with its reference UI at
/// <c>/api/reference</c> for signed-in staff. Endpoints are thin: they read through the platform and
/// <see cref="DossierAccess"/>, and act through <c>DossierWorkflow</c>, as the pages do.
/// </summary>
public static class ApiEndpoints
{
    public const string DocumentName = "v1";

    public static void AddApi(this WebApplicationBuilder builder)
    {
        builder.AddApiAuthentication();
        builder.Services.AddDossierAccess();
        builder.Services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section);
        builder.Services.AddScoped<DossierViews>();
        builder.Services.AddScoped<PublishedWorkflowList>();
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            // The API's endpoints only: not the sign-in, language or health endpoints the host also maps.
            options.ShouldInclude = description => description.GroupName == DocumentName;
            options.AddDocumentTransformer<ApiDocument>();
        });
    }

    public static void MapApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/reference", options => options.WithTitle("Digital Wallonia API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .RequireAuthorization(ApiAuthentication.StaffPolicy);

        var api = app.MapGroup("/api/v1").WithGroupName(DocumentName).AddEndpointFilter<CookieCallsCarryAntiforgeryToken>();
        var dossier = api.MapGroup($"/dossiers/{{{DossierFromRoute.RouteValue}}}").AddEndpointFilter<DossierFromRoute>();
        DossierEndpoints.Map(api, dossier);
        ActionEndpoints.Map(dossier);
        DocumentEndpoints.Map(dossier);
        DocumentRequestEndpoints.Map(dossier);
        EventEndpoints.Map(api);
        CompanyEndpoints.Map(api);
        ProgrammeEndpoints.Map(api);
        RuleSetEndpoints.Map(api);
        WorkflowEndpoints.Map(api);
        DeadlineEndpoints.Map(api);
    }
}
