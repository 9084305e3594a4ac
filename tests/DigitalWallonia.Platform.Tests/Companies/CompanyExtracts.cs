using DigitalWallonia.Platform.Companies;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Platform.Tests.Companies;

/// <summary>The hand-made test extracts of Companies/Extracts (see its README) and a way to import them.</summary>
public static class CompanyExtracts
{
    public static string Full140 => Path.Combine(AppContext.BaseDirectory, "Companies", "Extracts", "full-140");

    public static string Update141 => Path.Combine(AppContext.BaseDirectory, "Companies", "Extracts", "update-141");

    public static async Task<CompanyImportReport> ImportAsync(TestPlatform platform, string folder)
    {
        await using var scope = platform.Scope();
        return await scope.ServiceProvider.GetRequiredService<CompanyRegisterImport>().ImportAsync(folder, CancellationToken.None);
    }
}
