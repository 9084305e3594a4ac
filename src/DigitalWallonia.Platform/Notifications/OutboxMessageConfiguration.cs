using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Notifications;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.Property(m => m.MessageId).HasMaxLength(200);
        message.HasIndex(m => m.MessageId).IsUnique();
        message.HasOne<Dossier>().WithMany().HasForeignKey(m => m.DossierId).OnDelete(DeleteBehavior.Restrict);
        message.Property(m => m.TemplateKey).HasMaxLength(WorkflowNameLengths.TemplateKey);
        message.Property(m => m.Language).HasMaxLength(2);
        message.Property(m => m.RecipientAddress).HasMaxLength(320);
        message.Property(m => m.RecipientName).HasMaxLength(200);
        message.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        message.Property(m => m.ClaimedBy).HasMaxLength(200);
        // The dispatcher's claim: due Pending rows by NextAttemptAt, expired Sending rows by ClaimedUntil (one index for each
        // half of its OR, so neither half scans the sent rows). The purge finds old Sent rows by SentAt.
        message.HasIndex(m => new { m.Status, m.NextAttemptAt });
        message.HasIndex(m => new { m.Status, m.ClaimedUntil });
        message.HasIndex(m => new { m.Status, m.SentAt });
    }
}
