using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class ProcessedUpdateConfiguration : IEntityTypeConfiguration<ProcessedUpdate>
{
    public void Configure(EntityTypeBuilder<ProcessedUpdate> builder)
    {
        builder.ToTable("processed_updates");
        builder.HasKey(u => new { u.Bot, u.UpdateId });
        builder.Property(u => u.Bot).HasMaxLength(16);
        builder.HasIndex(u => u.ProcessedAt);
    }
}
