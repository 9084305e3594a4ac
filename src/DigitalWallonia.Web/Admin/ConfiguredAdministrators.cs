using DigitalWallonia.Platform.Access;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Web.Account;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Admin;

/// <summary>
/// The first administrators of an installation without the local provider: the subjects listed in
/// <c>Authentication:Administrators</c> are granted <c>administrator</c> at start-up, logged under that setting's name,
/// once: a grant an administrator later revokes is not made again.
/// </summary>
internal sealed class ConfiguredAdministrators(IServiceProvider services, IConfiguration configuration, TimeProvider clock) : IHostedLifecycleService
{
    public const string Section = "Authentication:Administrators";

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var subjects = configuration.GetSection(Section).Get<string[]>() ?? [];
        if (subjects.Length == 0)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await GrantOnceAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(),
            subjects.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => (s.Trim(), SessionClaims.Administrator, Section)), clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Grants roles for every programme that configuration names (<paramref name="grants"/>: subject, role, and the setting
    /// granting it), each logged as an access change by that setting; a role once granted, held or since revoked, is
    /// not granted again, so a restart never undoes an administrator's revocation.
    /// </summary>
    public static async Task GrantOnceAsync(PlatformDbContext db, IEnumerable<(string Subject, string Role, string By)> grants, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var held = (await db.AccessChanges.AsNoTracking()
                .Where(c => c.Kind == AccessChange.RoleGranted && c.Programme == StaffRoleGrant.EveryProgramme)
                .Select(c => new { c.Subject, c.Role })
                .Concat(db.StaffRoleGrants.Where(g => g.Programme == StaffRoleGrant.EveryProgramme).Select(g => new { g.Subject, g.Role }))
                .ToListAsync(cancellationToken))
            .Select(g => (g.Subject, g.Role)).ToHashSet();
        foreach (var (subject, role, by) in grants.Where(g => held.Add((g.Subject, g.Role))))
        {
            var grant = new StaffRoleGrant(subject, role, by, now);
            db.StaffRoleGrants.Add(grant);
            db.AccessChanges.Add(AccessChange.ForRole(granted: true, grant, by, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
