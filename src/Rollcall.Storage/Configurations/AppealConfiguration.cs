using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.ToTable("appeals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.StudentId).HasMaxLength(50);
        builder.Property(a => a.Slot).HasMaxLength(90);
        builder.Property(a => a.ReceiptCode).HasMaxLength(32);
        builder.Property(a => a.State).HasMaxLength(16);

        // One appeal per student and session: a second one, even sent twice at once, hits this index.
        builder.HasIndex(a => a.Slot).IsUnique();
        builder.HasIndex(a => a.SessionId);
    }
}
