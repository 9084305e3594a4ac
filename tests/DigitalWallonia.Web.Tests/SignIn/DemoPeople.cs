using DigitalWallonia.Web.Identity;
using Microsoft.Extensions.Configuration;

namespace DigitalWallonia.Web.Tests.SignIn;

/// <summary>The demonstration people as the host's appsettings.json declares them (next to the test binaries).</summary>
internal static class DemoPeople
{
    private static readonly Lazy<IReadOnlyList<Persona>> All = new(() =>
        new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json").Build()
            .GetSection(LocalProviderOptions.Section).Get<LocalProviderOptions>()?.Personas
        ?? throw new InvalidOperationException("appsettings.json declares no demonstration people."));

    /// <summary>The PIN of the person with this subject or name.</summary>
    public static string PinOf(string subjectOrName) =>
        All.Value.FirstOrDefault(p => p.Subject == subjectOrName || p.Name == subjectOrName)?.Pin
        ?? throw new ArgumentException($"No demonstration person '{subjectOrName}'.", nameof(subjectOrName));
}
