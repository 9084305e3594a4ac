using DigitalWallonia.Platform.Documents;
using DigitalWallonia.Platform.Notifications.Mail;
using DigitalWallonia.Platform.Notifications.Templates;
using DigitalWallonia.Platform.Scheduling.QuartzHosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform.Notifications;

public static partial class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Templates, the renderer, the mail transport chosen by <c>Mail:Transport</c>, the outbox dispatcher (scoped), the
    /// purge of old sent messages (a recurring job for the scheduler nodes) and documents. Called by <c>AddPlatform</c>; it does not start the background dispatcher (see <see cref="AddOutboxDispatcher"/>).
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<TemplateOptions>().BindConfiguration(TemplateOptions.Section);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<MailOptions>>((smtp, mail) => mail.Value.Transport != MailTransportKind.Smtp || !string.IsNullOrWhiteSpace(smtp.Host),
                "Mail:Transport is Smtp but Smtp:Host is empty; set Smtp__Host (and Smtp__Port, Smtp__Security).")
            // Smtp:StartTls (a bool) was replaced by Smtp:Security; binding ignores unknown keys, so a deployment still
            // setting StartTls=false for its plain-text relay would silently get StartTls and fail to send.
            .Validate<IConfiguration>((_, configuration) => configuration.GetSection(SmtpOptions.Section)[SmtpOptions.RetiredStartTls] is null,
                SmtpOptions.RetiredStartTlsMessage)
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<SmtpOptions>>((outbox, smtp) => outbox.ClaimDuration > smtp.Value.Timeout,
                "Outbox:ClaimDuration must be longer than Smtp:TimeoutSeconds: a claim has to outlive the send it covers.")
            .Validate(outbox => outbox.SentRetention > TimeSpan.Zero && outbox.PurgeInterval >= TimeSpan.FromSeconds(1),
                "Outbox:SentRetention must be positive and Outbox:PurgeInterval at least 1 second.")
            .ValidateOnStart();
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
        if (!services.Any(IsPurgeRegistration))
        {
            services.AddSingleton(PurgeRegistration);
        }

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

    // Read when the scheduler starts, so Outbox:PurgeInterval comes from the host's configuration.
    private static RecurringJob PurgeRegistration(IServiceProvider services) =>
        new(OutboxPurgeJob.Name, typeof(OutboxPurgeJob), services.GetRequiredService<IOptions<OutboxOptions>>().Value.PurgeInterval);

    private static bool IsPurgeRegistration(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(RecurringJob) && descriptor.ServiceKey is null
        && descriptor.ImplementationFactory?.Method == ((Func<IServiceProvider, RecurringJob>)PurgeRegistration).Method;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Template problem (run 'dw templates check'): {Diagnostic}")]
    private static partial void LogTemplateProblem(ILogger logger, string diagnostic);
}
