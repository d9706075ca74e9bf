using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class SeenMediaConfiguration : IEntityTypeConfiguration<SeenMedia>
{
    public void Configure(EntityTypeBuilder<SeenMedia> builder)
    {
        builder.ToTable("seen_media");
        builder.HasKey(m => m.FileUniqueId);
        builder.Property(m => m.FileUniqueId).HasMaxLength(100);
    }
}
