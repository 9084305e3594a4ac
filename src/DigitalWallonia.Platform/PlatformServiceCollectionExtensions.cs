using DigitalWallonia.Platform.Audit;
using DigitalWallonia.Platform.Certificates;
using DigitalWallonia.Platform.Companies;
using DigitalWallonia.Platform.Content;
using DigitalWallonia.Platform.Definitions;
using DigitalWallonia.Platform.Demo;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Evaluations;
using DigitalWallonia.Platform.Grants;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Registers;
using DigitalWallonia.Platform.Reporting;
using DigitalWallonia.Platform.Scheduling;
using DigitalWallonia.Platform.Scheduling.QuartzHosting;
using DigitalWallonia.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DigitalWallonia.Platform;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>Everything the hosts (web, <c>dw</c>) need from the platform, configured from the host's configuration.</summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPlatformPersistence();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section);
        services.TryAddSingleton(sp => AuditKey.Resolve(
            sp.GetRequiredService<IOptions<AuditOptions>>().Value,
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<AuditVerifier>();
        services.TryAddSingleton<AuditCheckpoints>();
        if (!services.Any(d => d.ServiceType == typeof(RecurringJob) && d.ImplementationFactory?.Method == CheckpointRegistrationMethod))
        {
            services.AddSingleton(CheckpointRegistration);
        }

        services.TryAddScoped<DemoData>();

        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        services.AddOptions<MailboxOptions>().BindConfiguration(MailboxOptions.Section);
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section);
        services.AddOptions<ProgrammeAidOptions>().BindConfiguration(ProgrammeAidOptions.Section);
        services.AddOptions<RegisterOptions>().BindConfiguration(RegisterOptions.Section);
        services.TryAddSingleton(sp => ContentFolder.Locate(sp.GetRequiredService<IOptions<ContentOptions>>().Value.Root));
        services.TryAddSingleton<RuleLibrary>();
        services.TryAddSingleton<RuleSets.RuleSetCatalogue>();
        services.TryAddScoped<RuleSets.RuleSetDrafts>();
        services.TryAddScoped<RuleSets.WhatIfReplay>();
        services.AddHostedService<RuleSets.RuleSetRefresher>();
        services.TryAddSingleton<IGuardEvaluator, RuleEngineGuardEvaluator>();
        services.TryAddSingleton<WorkflowDefinitions>();
        services.TryAddSingleton(sp => new WorkflowRuntime(
            sp.GetRequiredService<WorkflowDefinitions>().Roles, sp.GetRequiredService<IGuardEvaluator>()));
        services.TryAddSingleton<DeadlinePlanner>();
        services.TryAddScoped<NotificationQueue>();
        services.TryAddScoped<OutcomeWriter>();
        services.TryAddScoped<AidLedger>();
        services.TryAddSingleton<CertificateIssuer>();
        services.TryAddSingleton<CertificateVerifier>();
        services.TryAddScoped<Registrations>();
        services.TryAddScoped<CompanyRegisterImport>();
        services.TryAddScoped<CompanyFacts>();
        services.TryAddScoped<PlatformFacts>();
        services.TryAddScoped<EligibilityPreCheck>();
        services.TryAddScoped<Applications.Applications>();
        services.AddOptions<CompanyRegisterOptions>().BindConfiguration(CompanyRegisterOptions.Section);
        services.AddOptions<CommonEligibilityOptions>().BindConfiguration(CommonEligibilityOptions.Section);
        services.TryAddScoped<LabelledInitiatives>();
        services.TryAddScoped<DossierWorkflow>();
        services.TryAddScoped<Documents.DocumentUploads>();
        services.TryAddScoped<WorkflowMigration>();
        services.TryAddScoped<Casework.DossierFiles>();
        services.TryAddScoped<Portal.CompanyDossiers>();
        services.TryAddScoped<Documents.DocumentPdfs>();
        services.TryAddScoped<Casework.Assignments>();
        services.TryAddScoped<Casework.InternalNotes>();
        services.TryAddScoped<Casework.DocumentRequests>();
        services.TryAddScoped<Casework.WorkQueue>();
        services.AddNotifications();
        services.AddScheduling();
        services.AddReporting();
        return services;
    }

    private static readonly System.Reflection.MethodInfo CheckpointRegistrationMethod = ((Func<IServiceProvider, RecurringJob>)CheckpointRegistration).Method;

    private static RecurringJob CheckpointRegistration(IServiceProvider services) =>
        new(AuditCheckpointJob.Name, typeof(AuditCheckpointJob), services.GetRequiredService<IOptions<AuditOptions>>().Value.CheckpointInterval);
}
