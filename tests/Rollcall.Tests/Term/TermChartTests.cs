using System.Buffers.Binary;
using Rollcall.Attendance;
using Rollcall.Telegram.Term;
using Rollcall.Term;

namespace Rollcall.Tests.Term;

public sealed class TermChartTests
{
    [Fact]
    public void Png_HasOneBarRowPerStudentWithSessionsHeld()
    {
        var small = TermChart.Png(TermSheets.Small(), AttendanceRule.Default);

        // S3 has only excused sessions: nothing held, no bar.
        Assert.Equal((720, 160 + (2 * 18)), Size(small));
    }

    [Fact]
    public void Png_OfALargeClass_ShowsItsLowestAndStaysWithinTelegramsPhotoLimits()
    {
        var sheet = TermSheets.Small();
        TermStudent[] many = [.. Enumerable.Range(0, 500).Select(i => new TermStudent($"S{i:000}", "Student", sheet.Students[i % 2].Cells))];

        var (width, height) = Size(TermChart.Png(sheet with { Students = many }, AttendanceRule.Default));

        Assert.Equal(160 + (TermChart.MaxBars * 18), height);
        Assert.True(width + height <= 10000 && height <= 20 * width);
    }

    private static (int Width, int Height) Size(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
