using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.Documents;

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> content)
    {
        content.ToTable("DocumentContents");
        content.HasKey(c => c.DocumentId);
        content.HasOne(c => c.Document).WithOne().HasForeignKey<DocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
