using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Definitions;

internal sealed class PublishedWorkflowConfiguration : IEntityTypeConfiguration<PublishedWorkflow>
{
    public void Configure(EntityTypeBuilder<PublishedWorkflow> workflow)
    {
        workflow.ToTable("PublishedWorkflows");
        workflow.Property(w => w.WorkflowId).HasMaxLength(WorkflowNameLengths.WorkflowId);
        workflow.HasIndex(w => new { w.WorkflowId, w.Version }).IsUnique();
        workflow.Property(w => w.SourceHash).HasMaxLength(64);
        workflow.Property(w => w.PublishedBy).HasMaxLength(200);
    }
}
