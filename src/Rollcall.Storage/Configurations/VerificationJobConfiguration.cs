using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class VerificationJobConfiguration : IEntityTypeConfiguration<VerificationJob>
{
    public void Configure(EntityTypeBuilder<VerificationJob> builder)
    {
        builder.ToTable("verification_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.StudentId).HasMaxLength(50);
        builder.Property(j => j.FileId).HasMaxLength(300);
        builder.Property(j => j.FileUniqueId).HasMaxLength(100);
        builder.Property(j => j.State).HasMaxLength(16);
        builder.Property(j => j.Challenge).HasMaxLength(16);
        builder.Property(j => j.NextChallenge).HasMaxLength(16);
        builder.Property(j => j.Outcome).HasMaxLength(100);

        // Two video notes for the same attempt count once.
        builder.HasIndex(j => new { j.SessionId, j.StudentId, j.Attempt }).IsUnique();
        builder.HasIndex(j => new { j.State, j.CreatedAt });

        // Cleanup finds a seen video note's session through its job.
        builder.HasIndex(j => j.FileUniqueId);
    }
}
