using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class AttendanceSessionConfiguration : IEntityTypeConfiguration<AttendanceSessionRow>
{
    public void Configure(EntityTypeBuilder<AttendanceSessionRow> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Otp).HasMaxLength(6);
        builder.Property(s => s.OtpSlot).HasMaxLength(6);
        builder.Property(s => s.PreviousOtp).HasMaxLength(6);
        builder.Property(s => s.PreviousOtpSlot).HasMaxLength(6);
        builder.Property(s => s.LiveShown).HasMaxLength(80);
        builder.Property(s => s.Subject).HasMaxLength(200);
        builder.HasIndex(s => s.OtpSlot).IsUnique();
        builder.HasIndex(s => s.PreviousOtpSlot).IsUnique();
        builder.HasIndex(s => s.ReportDueAt);
        builder.HasOne<Teacher>().WithMany().HasForeignKey(s => s.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Batches).WithOne().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Students).WithOne().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
