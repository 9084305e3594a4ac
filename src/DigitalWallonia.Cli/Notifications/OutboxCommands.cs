using DigitalWallonia.Platform.Notifications;
using DigitalWallonia.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalWallonia.Cli.Notifications;

/// <summary><c>dw outbox list|resend</c>: what is queued, sent or dead-lettered; put a message back in the queue.</summary>
internal static class OutboxCommands
{
    public static async Task<int> RunAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.WantsHelp)
        {
            console.Out.WriteLine("dw outbox list [--status Pending|Sending|Sent|DeadLetter] [--limit N] [--provider ...] [--connection ...]");
            console.Out.WriteLine("  Lists outbox messages, newest first (default limit 50).");
            console.Out.WriteLine("dw outbox resend ID");
            console.Out.WriteLine("  Puts a message back in the queue with its Message-ID unchanged (a dead letter, or a sent message to send again).");
            return args.Verb is null ? 2 : 0;
        }

        return args.Verb switch
        {
            "list" => await ListAsync(args, console, cancellationToken),
            "resend" => await ResendAsync(args, console, cancellationToken),
            _ => throw new CliUsageException($"unknown subcommand '{args.Verb}'; expected list or resend"),
        };
    }

    private static async Task<int> ListAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        OutboxStatus? status = null;
        if (args.Option("status") is { } text)
        {
            status = Enum.TryParse<OutboxStatus>(text, ignoreCase: true, out var parsed)
                ? parsed
                : throw new CliUsageException($"unknown status '{text}'; expected {string.Join(", ", Enum.GetNames<OutboxStatus>())}");
        }

        var limit = args.Option("limit") is { } l
            ? int.TryParse(l, out var n) && n > 0 ? n : throw new CliUsageException("--limit needs a positive number")
            : 50;
        await using var services = PlatformServices.Build(args);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var query = db.OutboxMessages.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        var messages = await query.OrderByDescending(m => m.Id).Take(limit).ToListAsync(cancellationToken);
        console.Out.WriteLine($"{"ID",6}  {"STATUS",-10} {"TRIES",5}  {"NEXT/SENT (UTC)",-16}  {"TEMPLATE",-22} LANG  RECIPIENT");
        foreach (var m in messages)
        {
            var when = (m.Status == OutboxStatus.Sent ? m.SentAt : m.NextAttemptAt)?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "";
            console.Out.WriteLine($"{m.Id,6}  {m.Status,-10} {m.Attempts,5}  {when,-16}  {m.TemplateKey,-22} {m.Language,-4}  {m.RecipientAddress}");
            if (m.Status != OutboxStatus.Sent && m.LastError is { } error)
            {
                console.Out.WriteLine($"{"",8}last error: {error}");
            }
        }

        console.Out.WriteLine($"{messages.Count} message(s){(status is null ? string.Empty : $" with status {status}")}.");
        return 0;
    }

    private static async Task<int> ResendAsync(CliArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Operands.Count != 1 || !long.TryParse(args.Operands[0], out var id))
        {
            throw new CliUsageException("resend needs the message ID (see 'dw outbox list')");
        }

        await using var services = PlatformServices.Build(args);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            console.Error.WriteLine($"dw outbox: no message has the ID {id}");
            return 1;
        }

        try
        {
            message.Requeue(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        }
        catch (InvalidOperationException e)
        {
            console.Error.WriteLine($"dw outbox: {e.Message}");
            return 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        console.Out.WriteLine($"Message {id} <{message.MessageId}> is queued again; the dispatcher sends it on its next round.");
        return 0;
    }
}
