using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class ReviewRequestConfiguration : IEntityTypeConfiguration<ReviewRequest>
{
    public void Configure(EntityTypeBuilder<ReviewRequest> builder)
    {
        builder.ToTable("review_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.StudentId).HasMaxLength(50);
        builder.Property(r => r.Reason).HasMaxLength(32);
        builder.Property(r => r.Decision).HasMaxLength(16);
        builder.HasIndex(r => new { r.SessionId, r.StudentId });
        builder.HasIndex(r => r.CreatedAt);
        builder.HasOne<AttendanceSessionRow>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
