using DigitalWallonia.Platform.Dossiers;
using DigitalWallonia.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Documents;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> document)
    {
        document.ToTable("Documents");
        document.HasOne<Dossier>().WithMany().HasForeignKey(d => d.DossierId).OnDelete(DeleteBehavior.Restrict);
        document.Property(d => d.Kind).HasMaxLength(WorkflowNameLengths.DocumentKind);
        document.Property(d => d.Language).HasMaxLength(2);
        document.Property(d => d.MediaType).HasMaxLength(120);
        document.Property(d => d.FileName).HasMaxLength(200);
        document.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        document.Property(d => d.CreatedBy).HasMaxLength(200);
        document.HasOne<Document>().WithMany().HasForeignKey(d => d.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        document.HasIndex(d => new { d.DossierId, d.Kind });
    }
}
