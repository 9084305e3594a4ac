using DigitalWallonia.Platform;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Web.Account;
using DigitalWallonia.Web.Api;
using DigitalWallonia.Web.Identity;
using DigitalWallonia.Web.Reporting;

namespace DigitalWallonia.Web.Hosting;

/// <summary>Builds the web application; Program.cs and the browser tests share it.</summary>
public static class DigitalWalloniaWeb
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Without it a test host's entry assembly (testhost) would be searched for Razor Pages.
            ApplicationName = typeof(DigitalWalloniaWeb).Assembly.GetName().Name,
            // appsettings.json and wwwroot travel with the binaries; only ./data is relative to the working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        builder.Services.AddPlatform();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddOutboxDispatcher();
        builder.Services.AddScoped<IDeadlineTarget, WorkflowDeadlineTarget>();
        builder.Services.AddSchedulerHost();
        builder.Services.AddProblemDetails();
        builder.AddLocalProvider();
        builder.AddAppSignIn();
        builder.AddRateLimits();
        builder.AddApi();
        builder.Services.AddWebAuthorization();
        builder.Services.AddRazorPages(WebAuthorization.Configure);
        builder.Services.AddReportingOutputCache();

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
        }

        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseLanguages();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseAntiforgery();
        app.MapHealth();
        app.MapLanguageSwitch();
        app.MapAccount();
        app.MapLocalProvider();
        app.MapApi();
        app.MapReportingOpenData();
        app.MapRazorPages();
        return app;
    }
}
