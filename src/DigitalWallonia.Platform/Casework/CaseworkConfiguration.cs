using DigitalWallonia.Platform.Dossiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Casework;

internal sealed class DossierAssignmentConfiguration : IEntityTypeConfiguration<DossierAssignment>
{
    public void Configure(EntityTypeBuilder<DossierAssignment> assignment)
    {
        assignment.ToTable("DossierAssignments");
        assignment.HasKey(a => a.DossierId);
        assignment.HasOne<Dossier>().WithOne().HasForeignKey<DossierAssignment>(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
        assignment.Property(a => a.HolderSubject).HasMaxLength(200);
        assignment.Property(a => a.HolderName).HasMaxLength(200);
        assignment.Property(a => a.AssignedBy).HasMaxLength(200);
        // "Assigned to me" and the assignee filter.
        assignment.HasIndex(a => a.HolderSubject);
    }
}

internal sealed class SavedQueueFilterConfiguration : IEntityTypeConfiguration<SavedQueueFilter>
{
    public void Configure(EntityTypeBuilder<SavedQueueFilter> filter)
    {
        filter.ToTable("SavedQueueFilters");
        filter.Property(f => f.OwnerSubject).HasMaxLength(200);
        filter.Property(f => f.Team).HasMaxLength(64);
        filter.Property(f => f.Name).HasMaxLength(100);
        filter.Property(f => f.Query).HasMaxLength(2000);
        filter.HasIndex(f => f.OwnerSubject);
        filter.HasIndex(f => f.Team);
    }
}

internal sealed class DocumentRequestAnswerConfiguration : IEntityTypeConfiguration<DocumentRequestAnswer>
{
    public void Configure(EntityTypeBuilder<DocumentRequestAnswer> answer)
    {
        answer.ToTable("DocumentRequestAnswers");
        answer.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Restrict);
        answer.HasOne<Documents.Document>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Restrict);
        answer.Property(a => a.AnsweredBy).HasMaxLength(200);
        answer.Property(a => a.AnsweredByName).HasMaxLength(200);
        answer.HasIndex(a => new { a.DossierId, a.RequestSequence });
    }
}
