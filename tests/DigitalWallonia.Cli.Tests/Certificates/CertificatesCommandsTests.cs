using System.Text;
using System.Text.Json.Nodes;
using DigitalWallonia.Platform.Certificates;
using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Platform.Parties;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Tests.Databases;
using DigitalWallonia.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Cli.Tests.Certificates;

/// <summary><c>dw certificates verify</c> on certificates issued by the platform's Certificates capability.</summary>
public class CertificatesCommandsTests
{
    // The test platform's audit key, which seals the certificates; the command must use the same one.
    private static readonly string[] AuditKey = ["--Audit:Key", Convert.ToBase64String(new byte[32])];

    [Fact]
    public async Task A_certificate_within_its_dates_is_valid_and_shows_its_holder_and_dates()
    {
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, shippedContent: true);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var number = await IssueAsync(platform, today.AddYears(3));

        var (code, stdout, stderr) = await Verify(platform, number);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains($"Certificate  {number}", stdout, StringComparison.Ordinal);
        Assert.Contains("Holder       Forges de Wallonie SRL (BE 0123.456.749)", stdout, StringComparison.Ordinal);
        Assert.Contains("Awarded by   CyberSûr SRL", stdout, StringComparison.Ordinal);
        Assert.Contains($"Valid until  {today.AddYears(3):yyyy-MM-dd}", stdout, StringComparison.Ordinal);
        Assert.Contains("Status       valid", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_whose_document_was_tampered_with_is_reported_altered()
    {
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, shippedContent: true);
        var number = await IssueAsync(platform, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(3));
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var certificate = await db.Certificates.SingleAsync(c => c.Number == number);
            var html = Encoding.UTF8.GetString(await db.DocumentContents.Where(c => c.DocumentId == certificate.DocumentId).Select(c => c.Bytes).SingleAsync());
            var forged = Encoding.UTF8.GetBytes(html.Replace("Forges de Wallonie SRL", "Autre Société SA", StringComparison.Ordinal));
            // Behind the platform's back: the context refuses to change a stored document.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "DocumentContents" SET "Bytes" = {0} WHERE "DocumentId" = {1}""", forged, certificate.DocumentId);
        }

        var (code, stdout, stderr) = await Verify(platform, number);

        Assert.Equal(1, code);
        Assert.Contains("Status       content altered", stdout, StringComparison.Ordinal);
        Assert.Contains("does not match its SHA-256", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_past_its_last_day_is_expired_but_was_valid_on_a_day_inside_its_dates()
    {
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2020, 1, 10, 9, 0, 0, TimeSpan.Zero), shippedContent: true);
        var number = await IssueAsync(platform, new DateOnly(2023, 1, 9));

        var now = await Verify(platform, number);
        var then = await Verify(platform, number, "--at", "2022-06-01");
        var lastDay = await Verify(platform, number, "--at", "2023-01-09");
        var dayAfter = await Verify(platform, number, "--at", "2023-01-10");

        Assert.Equal(1, now.Code);
        Assert.Contains("Status       expired (its last day was 2023-01-09)", now.Stdout, StringComparison.Ordinal);
        Assert.Equal((0, 0, 1), (then.Code, lastDay.Code, dayAfter.Code));
    }

    [Fact]
    public async Task A_withdrawn_certificate_is_not_valid()
    {
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite, DateTimeOffset.UtcNow, shippedContent: true);
        var number = await IssueAsync(platform, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(3), withdraw: true);

        var (code, stdout, _) = await Verify(platform, number);

        Assert.Equal(1, code);
        Assert.Contains("Status       withdrawn", stdout, StringComparison.Ordinal);
        Assert.Contains("Withdrawn on ", stdout, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_withdrawn_certificate_revived_by_clearing_its_withdrawal_is_reported_altered(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, DateTimeOffset.UtcNow, shippedContent: true);
        var number = await IssueAsync(platform, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(3), withdraw: true);
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Certificates.ExecuteUpdateAsync(s => s.SetProperty(c => c.WithdrawnOn, (DateOnly?)null).SetProperty(c => c.WithdrawnAt, (DateTimeOffset?)null));
        }

        var (code, stdout, stderr) = await Verify(platform, number);

        Assert.Equal(1, code);
        Assert.Contains("Status       content altered", stdout, StringComparison.Ordinal);
        Assert.Contains($"{number}: the certificate record was changed after issue (its seal does not match)", stderr, StringComparison.Ordinal);
        Assert.Contains("records its withdrawal on", stderr, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_withdrawal_cleared_with_the_seal_put_back_as_issued_is_still_reported_from_the_audit_trail(DatabaseProvider provider)
    {
        await using var platform = await TestPlatform.StartAsync(provider, DateTimeOffset.UtcNow, shippedContent: true);
        var issued = await IssueAsync(platform, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(3));
        string sealAsIssued;
        await using (var scope = platform.Scope())
        {
            sealAsIssued = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Certificates.Select(c => c.Seal).SingleAsync();
        }

        await WithdrawAsync(platform);
        await using (var scope = platform.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Certificates.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.WithdrawnOn, (DateOnly?)null).SetProperty(c => c.WithdrawnAt, (DateTimeOffset?)null).SetProperty(c => c.Seal, sealAsIssued));
        }

        var (code, _, stderr) = await Verify(platform, issued);

        Assert.Equal(1, code);
        Assert.Contains($"{issued}: the audit trail of CYBER-2026-000042 records its withdrawal on ", stderr, StringComparison.Ordinal);
        Assert.Contains("but the record no longer says so", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_number_fails_and_a_missing_one_is_a_usage_error()
    {
        await using var platform = await TestPlatform.StartAsync(DatabaseProvider.Sqlite, shippedContent: true);

        var unknown = await Verify(platform, "CERT-CYBER-2026-999999");
        var missing = await DwTests.RunAsync("certificates", "verify", "--connection", platform.Database.ConnectionString);

        Assert.Equal(1, unknown.Code);
        Assert.Contains("No certificate has the number 'CERT-CYBER-2026-999999'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, missing.Code);
    }

    private static Task<(int Code, string Stdout, string Stderr)> Verify(TestPlatform platform, string number, params string[] options) =>
        DwTests.RunAsync(["certificates", "verify", number, "--provider", platform.Database.Provider.ToString(), "--connection", platform.Database.ConnectionString,
            .. AuditKey, .. options]);

    // A cyber dossier with a company and its accredited professional, and a certificate issued to it as the workflow's
    // issueDocument would (optionally withdrawn afterwards), on the platform's clock.
    private static async Task<string> IssueAsync(TestPlatform platform, DateOnly expiresOn, bool withdraw = false)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var issuer = scope.ServiceProvider.GetRequiredService<CertificateIssuer>();
        var now = platform.Clock.GetUtcNow();
        var company = Party.Organisation("Forges de Wallonie SRL", EnterpriseNumber.Parse("0123.456.749"));
        var professional = Party.Organisation("CyberSûr SRL", EnterpriseNumber.Parse("0412.345.614"));
        db.Parties.AddRange(company, professional);
        var dossier = Dossier.Open("CYBER-2026-000042", "cyber", "label-award", now);
        dossier.AddParty(company, DossierRoles.Applicant);
        dossier.AddParty(professional, DossierRoles.Expert);
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var facts = new JsonObject { ["labelValidUntil"] = expiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "Test" };
        await issuer.IssueAsync(db, dossier, "certificate", "cyber-label-certificate", "fr", facts, "expert-1", now, CancellationToken.None);
        await db.SaveChangesAsync();
        if (withdraw)
        {
            await issuer.IssueAsync(db, dossier, CertificateIssuer.Withdrawal, "cyber-label-withdrawal-notice", "fr", facts, "handler-1", now, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        return await db.Certificates.Select(c => c.Number).SingleAsync();
    }

    private static async Task WithdrawAsync(TestPlatform platform)
    {
        await using var scope = platform.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var dossier = await db.Dossiers.Include(d => d.Parties).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().IssueAsync(db, dossier, CertificateIssuer.Withdrawal, "cyber-label-withdrawal-notice", "fr",
            new JsonObject { ["reason"] = "Test" }, "handler-1", platform.Clock.GetUtcNow(), CancellationToken.None);
        await db.SaveChangesAsync();
    }
}
