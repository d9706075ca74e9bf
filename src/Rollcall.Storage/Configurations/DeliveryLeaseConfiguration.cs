using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rollcall.Storage.Entities;

namespace Rollcall.Storage.Configurations;

internal sealed class DeliveryLeaseConfiguration : IEntityTypeConfiguration<DeliveryLease>
{
    public void Configure(EntityTypeBuilder<DeliveryLease> builder)
    {
        builder.ToTable("delivery_leases");
        builder.HasKey(l => new { l.Batch, l.Subject, l.Date });
        builder.Property(l => l.Batch).HasMaxLength(100);
        builder.Property(l => l.Subject).HasMaxLength(200);
    }
}
