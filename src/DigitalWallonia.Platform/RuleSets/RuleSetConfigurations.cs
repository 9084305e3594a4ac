using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalWallonia.Platform.RuleSets;

internal sealed class PublishedRuleSetConfiguration : IEntityTypeConfiguration<PublishedRuleSet>
{
    public void Configure(EntityTypeBuilder<PublishedRuleSet> published)
    {
        published.ToTable("PublishedRuleSets");
        published.HasIndex(p => p.Path).IsUnique();
        published.HasIndex(p => new { p.Name, p.Version });
        published.Property(p => p.Path).HasMaxLength(300);
        published.Property(p => p.Programme).HasMaxLength(100);
        published.Property(p => p.Name).HasMaxLength(200);
        published.Property(p => p.SourceHash).HasMaxLength(64);
        published.Property(p => p.DraftedBy).HasMaxLength(200);
        published.Property(p => p.ApprovedBy).HasMaxLength(200);
        published.Property(p => p.PublishedBy).HasMaxLength(200);
    }
}

internal sealed class RuleSetDraftConfiguration : IEntityTypeConfiguration<RuleSetDraft>
{
    public void Configure(EntityTypeBuilder<RuleSetDraft> draft)
    {
        draft.ToTable("RuleSetDrafts");
        draft.Property(d => d.Path).HasMaxLength(300);
        draft.Property(d => d.Programme).HasMaxLength(100);
        draft.Property(d => d.AuthorId).HasMaxLength(200);
        draft.Property(d => d.ApprovedBy).HasMaxLength(200);
        draft.HasIndex(d => d.Programme);
    }
}

internal sealed class RuleSetPublicationCounterConfiguration : IEntityTypeConfiguration<RuleSetPublicationCounter>
{
    public void Configure(EntityTypeBuilder<RuleSetPublicationCounter> counter)
    {
        counter.ToTable("RuleSetPublicationCounters");
        counter.Property(c => c.Id).ValueGeneratedNever();
        counter.HasData(new { Id = RuleSetPublicationCounter.SingleId, Publications = 0L });
    }
}
