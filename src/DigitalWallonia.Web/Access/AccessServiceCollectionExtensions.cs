namespace DigitalWallonia.Web.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>The one authorization layer over dossiers (<see cref="DossierAccess"/>), for pages and API.</summary>
    public static IServiceCollection AddDossierAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section);
        services.AddSingleton<ProgrammeReach>();
        services.AddScoped<DossierAccess>();
        return services;
    }
}
