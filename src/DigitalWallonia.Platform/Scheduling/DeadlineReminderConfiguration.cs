using System.Text.Json;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Scheduling;

internal sealed class DeadlineReminderConfiguration : IEntityTypeConfiguration<DeadlineReminder>
{
    // A JSON array of role keys: a role key is any non-blank name (docs/workflows.schema.json), so no separator is safe.
    // The whole role catalogue fits in about 200 characters.
    private const int RecipientsMaxLength = 500;

    public void Configure(EntityTypeBuilder<DeadlineReminder> reminder)
    {
        reminder.ToTable("DeadlineReminders");
        reminder.Property(r => r.TemplateKey).HasMaxLength(WorkflowNameLengths.TemplateKey);
        reminder.Property(r => r.Recipients)
            .HasConversion(roles => ToJson(roles!), json => FromJson(json), new ValueComparer<IReadOnlyList<string>?>(
                (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                roles => roles == null ? 0 : roles.Aggregate(0, (hash, role) => HashCode.Combine(hash, role)),
                roles => roles == null ? null : roles.ToList()))
            .HasMaxLength(RecipientsMaxLength);
        reminder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        reminder.Property(r => r.ClaimedBy).HasMaxLength(200);
        reminder.HasIndex(r => new { r.Status, r.DueAt });
    }

    private static string ToJson(IReadOnlyList<string> roles) => JsonSerializer.Serialize(roles);

    private static IReadOnlyList<string>? FromJson(string json) => JsonSerializer.Deserialize<List<string>>(json);
}
