using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Scheduling;

internal sealed class DeadlineReminderConfiguration : IEntityTypeConfiguration<DeadlineReminder>
{
    public void Configure(EntityTypeBuilder<DeadlineReminder> reminder)
    {
        reminder.ToTable("DeadlineReminders");
        reminder.Property(r => r.TemplateKey).HasMaxLength(120);
        reminder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        reminder.Property(r => r.ClaimedBy).HasMaxLength(200);
        reminder.HasIndex(r => new { r.Status, r.DueAt });
    }
}
