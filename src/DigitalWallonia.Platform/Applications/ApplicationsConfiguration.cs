using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Applications;

internal sealed class ApplicationDraftConfiguration : IEntityTypeConfiguration<ApplicationDraft>
{
    public void Configure(EntityTypeBuilder<ApplicationDraft> draft)
    {
        draft.ToTable("ApplicationDrafts");
        draft.Property(d => d.Programme).HasMaxLength(64);
        draft.Property(d => d.EnterpriseNumber).HasMaxLength(10);
        draft.Property(d => d.CompletedSections).HasMaxLength(500);
        draft.Property(d => d.UpdatedBy).HasMaxLength(200);
        draft.Ignore(d => d.Completed);
        draft.Ignore(d => d.Answers);
        // One draft per enterprise and programme: whoever of its representatives resumes it finds the same answers.
        draft.HasIndex(d => new { d.EnterpriseNumber, d.Programme }).IsUnique();
    }
}

internal sealed class SmeDeclarationConfiguration : IEntityTypeConfiguration<SmeDeclaration>
{
    public void Configure(EntityTypeBuilder<SmeDeclaration> declaration)
    {
        declaration.ToTable("SmeDeclarations");
        declaration.Property(d => d.EnterpriseNumber).HasMaxLength(10);
        declaration.Property(d => d.DeclaredBy).HasMaxLength(200);
        declaration.HasIndex(d => new { d.EnterpriseNumber, d.AccountsClosedOn }).IsUnique();
    }
}
