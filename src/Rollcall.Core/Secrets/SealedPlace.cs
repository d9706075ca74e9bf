using System.Globalization;
using System.Text;

namespace Rollcall.Secrets;

/// <summary>Where a sealed value is stored; bound into its seal as associated data.</summary>
public readonly record struct SealedPlace(string Table, string Column, long Row)
{
    public byte[] AssociatedData() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"rollcall/{Table}/{Column}/{Row}"));
}
