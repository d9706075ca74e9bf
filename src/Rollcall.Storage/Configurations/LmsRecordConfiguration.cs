using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class LmsRecordConfiguration : IEntityTypeConfiguration<LmsRecord>
{
    public void Configure(EntityTypeBuilder<LmsRecord> builder)
    {
        builder.ToTable("lms_records");
        builder.HasKey(r => new { r.Batch, r.Subject, r.Date });
        builder.Property(r => r.Batch).HasMaxLength(100);
        builder.Property(r => r.Subject).HasMaxLength(200);
    }
}
