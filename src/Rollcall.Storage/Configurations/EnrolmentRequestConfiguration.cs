using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class EnrolmentRequestConfiguration : IEntityTypeConfiguration<EnrolmentRequest>
{
    public void Configure(EntityTypeBuilder<EnrolmentRequest> builder)
    {
        builder.ToTable("enrolment_requests");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.StudentId).HasMaxLength(50);
        builder.Property(e => e.OpenSlot).HasMaxLength(50);
        builder.Property(e => e.StudentName).HasMaxLength(200);
        builder.Property(e => e.Batch).HasMaxLength(100);
        builder.Property(e => e.FileId).HasMaxLength(300);
        builder.Property(e => e.FileUniqueId).HasMaxLength(100);
        builder.Property(e => e.Challenge).HasMaxLength(16);
        builder.Property(e => e.State).HasMaxLength(24);
        builder.Property(e => e.Outcome).HasMaxLength(200);
        builder.Property(e => e.PhotoVersion).HasMaxLength(200);

        // One open request per ID: a second one, from any account, hits this index.
        builder.HasIndex(e => e.OpenSlot).IsUnique();
        builder.HasIndex(e => new { e.State, e.CreatedAt });
        builder.HasIndex(e => new { e.TelegramUserId, e.CreatedAt });
        builder.HasIndex(e => e.StudentId);
    }
}
