using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Notifications.Mail;
using DigitalWallonia.Platform.Notifications.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Notifications;

public static partial class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Templates, the renderer, the mail transport chosen by <c>Mail:Transport</c>, the outbox dispatcher (scoped) and
    /// documents. Called by <c>AddPlatform</c>; it does not start the background dispatcher (see <see cref="AddOutboxDispatcher"/>).
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<TemplateOptions>().BindConfiguration(TemplateOptions.Section);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var catalogue = TemplateCatalogue.Load(sp.GetRequiredService<IOptions<TemplateOptions>>().Value.ResolveFolder());
            var logger = sp.GetRequiredService<ILogger<TemplateCatalogue>>();
            foreach (var diagnostic in catalogue.Diagnostics)
            {
                LogTemplateProblem(logger, diagnostic.ToString());
            }

            return catalogue;
        });
        services.TryAddSingleton<TemplateRenderer>();
        services.TryAddSingleton<PickupFolderTransport>();
        services.TryAddSingleton<SmtpTransport>();
        services.TryAddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<MailOptions>>().Value.Transport == MailTransportKind.Smtp
                ? sp.GetRequiredService<SmtpTransport>()
                : sp.GetRequiredService<PickupFolderTransport>());
        services.TryAddScoped<OutboxDispatcher>();
        services.TryAddSingleton<IDocumentContentStore, DatabaseDocumentContentStore>();
        services.TryAddSingleton<DocumentArchive>();
        services.TryAddSingleton<DocumentIssuer>();
        return services;
    }

    /// <summary>
    /// Runs the outbox dispatcher in the background of a host (the web host calls this after <c>AddPlatform</c>).
    /// <c>Outbox:Enabled=false</c> turns it off on a node. Several nodes may run it.
    /// </summary>
    public static IServiceCollection AddOutboxDispatcher(this IServiceCollection services)
    {
        services.AddNotifications();
        services.AddHostedService<OutboxDispatcherService>();
        return services;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Template problem (run 'dw templates check'): {Diagnostic}")]
    private static partial void LogTemplateProblem(ILogger logger, string diagnostic);
}
