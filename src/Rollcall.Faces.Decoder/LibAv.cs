using System.Reflection;
using System.Runtime.InteropServices;

namespace Rollcall.Faces.Decoder;

/// <summary>
/// The few calls of the system's FFmpeg libraries (Debian's, built with assembly) the decoder needs. Only the stable start of
/// AVFrame is read (data, linesize, width, height, format: unchanged from FFmpeg 4 to 7); packets are made with av_packet_from_data.
/// </summary>
internal static unsafe partial class LibAv
{
    public const int CodecIdH264 = 27;
    public const int PixelFormatBgr24 = 3;
    public const int ScaleBicubic = 4;
    public const int ErrorAgain = -11;
    public const int ErrorNoMemory = -12;
    public const int InputPadding = 64;

    // FFERRTAG('E','O','F',' ')
    public const int ErrorEof = -('E' | ('O' << 8) | ('F' << 16) | (' ' << 24));

    private const string Codec = "avcodec";
    private const string Util = "avutil";
    private const string Scale = "swscale";

    // Debian 13, 12 and 11 (FFmpeg 7, 6, 5, 4).
    private static readonly Dictionary<string, int[]> Versions = new()
    {
        [Codec] = [61, 60, 59, 58],
        [Util] = [59, 58, 57, 56],
        [Scale] = [8, 7, 6, 5],
    };

    /// <summary>Loads the libraries; false (and why) when one is missing, so the host can report the decoder as unavailable.</summary>
    public static bool TryLoad(out string? missing)
    {
        NativeLibrary.SetDllImportResolver(typeof(LibAv).Assembly, Resolve);
        foreach (var name in Versions.Keys)
        {
            if (Resolve(name, typeof(LibAv).Assembly, null) == IntPtr.Zero)
            {
                missing = $"lib{name}.so.{Versions[name][^1]}+ not found (apt-get install ffmpeg)";
                return false;
            }
        }

        missing = null;
        return true;
    }

    /// <summary>The frame's planes and strides (AVFrame's first fields).</summary>
    public static byte** FrameData(IntPtr frame) => (byte**)frame;

    public static int* FrameLinesize(IntPtr frame) => (int*)((byte*)frame + 64);

    public static int FrameWidth(IntPtr frame) => *(int*)((byte*)frame + 104);

    public static int FrameHeight(IntPtr frame) => *(int*)((byte*)frame + 108);

    public static int FrameFormat(IntPtr frame) => *(int*)((byte*)frame + 116);

    [LibraryImport(Codec)]
    public static partial IntPtr avcodec_find_decoder(int id);

    [LibraryImport(Codec)]
    public static partial IntPtr avcodec_alloc_context3(IntPtr codec);

    [LibraryImport(Codec)]
    public static partial int avcodec_open2(IntPtr context, IntPtr codec, ref IntPtr options);

    [LibraryImport(Codec)]
    public static partial void avcodec_free_context(ref IntPtr context);

    [LibraryImport(Codec)]
    public static partial int avcodec_send_packet(IntPtr context, IntPtr packet);

    [LibraryImport(Codec)]
    public static partial int avcodec_receive_frame(IntPtr context, IntPtr frame);

    [LibraryImport(Codec)]
    public static partial IntPtr av_packet_alloc();

    [LibraryImport(Codec)]
    public static partial void av_packet_free(ref IntPtr packet);

    [LibraryImport(Codec)]
    public static partial int av_packet_from_data(IntPtr packet, IntPtr data, int size);

    [LibraryImport(Codec)]
    public static partial void av_packet_unref(IntPtr packet);

    [LibraryImport(Util)]
    public static partial IntPtr av_frame_alloc();

    [LibraryImport(Util)]
    public static partial void av_frame_free(ref IntPtr frame);

    [LibraryImport(Util)]
    public static partial void av_frame_unref(IntPtr frame);

    [LibraryImport(Util)]
    public static partial IntPtr av_malloc(nuint size);

    [LibraryImport(Util)]
    public static partial void av_free(IntPtr pointer);

    [LibraryImport(Util, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int av_dict_set(ref IntPtr dictionary, string key, string value, int flags);

    [LibraryImport(Util)]
    public static partial void av_dict_free(ref IntPtr dictionary);

    [LibraryImport(Util)]
    public static partial void av_log_set_level(int level);

    [LibraryImport(Util)]
    public static partial int av_strerror(int error, byte* buffer, nuint size);

    [LibraryImport(Scale)]
    public static partial IntPtr sws_getContext(int srcW, int srcH, int srcFormat, int dstW, int dstH, int dstFormat, int flags, IntPtr srcFilter, IntPtr dstFilter, IntPtr param);

    [LibraryImport(Scale)]
    public static partial int sws_scale(IntPtr context, byte** src, int* srcStride, int sliceY, int sliceH, byte** dst, int* dstStride);

    [LibraryImport(Scale)]
    public static partial void sws_freeContext(IntPtr context);

    [LibraryImport(Scale)]
    public static partial int* sws_getCoefficients(int colorspace);

    [LibraryImport(Scale)]
    public static partial int sws_getColorspaceDetails(IntPtr context, out int* invTable, out int srcRange, out int* table, out int dstRange, out int brightness, out int contrast, out int saturation);

    [LibraryImport(Scale)]
    public static partial int sws_setColorspaceDetails(IntPtr context, int* invTable, int srcRange, int* table, int dstRange, int brightness, int contrast, int saturation);

    [LibraryImport(Util, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int av_opt_get_int(IntPtr target, string name, int searchFlags, out long value);

    /// <summary>FFmpeg's text for an error code.</summary>
    public static string Describe(int error)
    {
        var buffer = stackalloc byte[128];
        return av_strerror(error, buffer, 128) == 0 ? Marshal.PtrToStringUTF8((IntPtr)buffer) ?? $"error {error}" : $"error {error}";
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (!Versions.TryGetValue(name, out var versions))
        {
            return IntPtr.Zero;
        }

        foreach (var version in versions)
        {
            if (NativeLibrary.TryLoad($"lib{name}.so.{version}", out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
