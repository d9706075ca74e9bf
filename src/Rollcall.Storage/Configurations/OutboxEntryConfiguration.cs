using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class OutboxEntryConfiguration : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Batch).HasMaxLength(100);
        builder.Property(o => o.Subject).HasMaxLength(200);
        builder.Property(o => o.State).HasMaxLength(16);
        builder.Property(o => o.LastError).HasMaxLength(300);
        builder.HasIndex(o => new { o.State, o.NextAttemptAt });
    }
}
