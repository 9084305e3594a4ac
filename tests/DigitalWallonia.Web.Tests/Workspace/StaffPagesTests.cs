using System.Net;
using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using DigitalWallonia.Platform.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace DigitalWallonia.Web.Tests.Workspace;

/// <summary>The workspace's staff pages over HTTP: failing outbox with resend, deadline overview, template preview.</summary>
[Collection(WorkspaceCollection.Name)]
public class StaffPagesTests
{
    [Fact]
    public async Task A_dead_lettered_message_is_listed_with_its_error_and_queued_again_by_resend()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await host.ReferenceAsync("rentic", "under-review");
        long id;
        await using (var db = host.Db())
        {
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == reference);
            var message = new OutboxMessage(OutboxMessage.NewMessageId(), dossier.Id, "rentic-documents-requested", "fr", "claire@forges.example", null, "{}", DateTimeOffset.UtcNow)
            {
                Status = OutboxStatus.DeadLetter, Attempts = 8, LastError = "550 5.1.1 mailbox unavailable",
                // Not due again on its own: only resend brings it back.
                NextAttemptAt = DateTimeOffset.UtcNow.AddYears(1),
            };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
        }

        var luc = await host.SignedInAsync("luc.renard");
        var listed = WebUtility.HtmlDecode(await luc.GetStringAsync(new Uri("/Workspace/Outbox", UriKind.Relative)));
        var resent = await Forms.PostAsync(luc, "/Workspace/Outbox", "Resend", ("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains("550 5.1.1 mailbox unavailable", listed, StringComparison.Ordinal);
        Assert.Contains($"/Workspace/Dossiers/{reference}", listed, StringComparison.Ordinal);
        Assert.Contains("Abandonné après 8 essai(s)", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Contains($"Le message #{id} est remis dans la file d'envoi.", WebUtility.HtmlDecode(await resent.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var check = host.Db();
        Assert.NotEqual(OutboxStatus.DeadLetter, (await check.OutboxMessages.SingleAsync(m => m.Id == id)).Status);
    }

    [Fact]
    public async Task The_deadline_overview_lists_upcoming_deadlines_in_working_days_and_failed_ones()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var waiting = await host.ReferenceAsync("rentic", "documents-requested");
        var other = await host.ReferenceAsync("rentic", "under-review");
        await using (var db = host.Db())
        {
            var dossier = await db.Dossiers.SingleAsync(d => d.Reference == other);
            db.Deadlines.Add(new Deadline(dossier.Id, "decision", dossier.State, DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow)
            {
                Status = DeadlineStatus.Failed, LastError = "guard evaluation failed: rule set missing",
            });
            await db.SaveChangesAsync();
        }

        var luc = await host.SignedInAsync("luc.renard");
        var html = WebUtility.HtmlDecode(await luc.GetStringAsync(new Uri("/Workspace/Deadlines?days=90", UriKind.Relative)));

        var upcoming = html[html.IndexOf("data-testid=\"upcoming\"", StringComparison.Ordinal)..html.IndexOf("data-testid=\"failed\"", StringComparison.Ordinal)];
        var failed = html[html.IndexOf("data-testid=\"failed\"", StringComparison.Ordinal)..];
        Assert.Contains(waiting, upcoming, StringComparison.Ordinal);
        Assert.Contains("jour(s) ouvrable(s)", upcoming, StringComparison.Ordinal);
        Assert.Contains(other, failed, StringComparison.Ordinal);
        Assert.Contains("guard evaluation failed: rule set missing", failed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_is_previewed_with_a_real_dossier_s_model_in_a_sandboxed_frame()
    {
        await using var host = await WorkspaceHost.StartAsync(DatabaseProvider.Sqlite);
        var reference = await host.ReferenceAsync("rentic", "documents-requested");
        var luc = await host.SignedInAsync("luc.renard");

        var preview = await luc.GetAsync(new Uri($"/Workspace/Templates?template=rentic-documents-requested&dossier={reference}", UriKind.Relative));
        var unknown = await luc.GetAsync(new Uri("/Workspace/Templates?template=rentic-documents-requested&dossier=RENTIC-1999-000001", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("sandbox=\"\"", html, StringComparison.Ordinal);
        Assert.Contains(reference, WebUtility.HtmlDecode(html), StringComparison.Ordinal); // the dossier's own reference in the message
        Assert.Contains("data-testid=\"subject\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
    }
}
