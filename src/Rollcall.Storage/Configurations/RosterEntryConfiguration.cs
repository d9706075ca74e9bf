using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class RosterEntryConfiguration : IEntityTypeConfiguration<RosterEntry>
{
    public void Configure(EntityTypeBuilder<RosterEntry> builder)
    {
        builder.ToTable("roster");
        builder.HasKey(r => new { r.StudentId, r.Batch, r.Subject });
        builder.Property(r => r.StudentId).HasMaxLength(50);
        builder.Property(r => r.Batch).HasMaxLength(100);
        builder.Property(r => r.Subject).HasMaxLength(200);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.HasIndex(r => new { r.Batch, r.Subject });
    }
}
