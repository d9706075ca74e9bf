using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace Rollcall.Faces.Onnx;

/// <summary>One ONNX model with one session for the process life; runs are thread-safe and use pooled buffers.</summary>
internal sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession session;
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly long[] inputShape;
    private readonly long[][] outputShapes;
    private readonly RunOptions runOptions = new();

    public OnnxModel(string path, SessionOptions options)
    {
        session = new InferenceSession(path, options);
        inputNames = [.. session.InputMetadata.Keys];
        outputNames = [.. session.OutputMetadata.Keys];
        inputShape = ToShape(session.InputMetadata[inputNames[0]].Dimensions);
        outputShapes = [.. outputNames.Select(n => ToShape(session.OutputMetadata[n].Dimensions))];
        InputLength = Length(inputShape);
        OutputLengths = [.. outputShapes.Select(Length)];
    }

    /// <summary>Number of floats in the single input tensor.</summary>
    public int InputLength { get; }

    /// <summary>Number of floats in each output tensor, in model order.</summary>
    public IReadOnlyList<int> OutputLengths { get; }

    public static float[] Rent(int length) => ArrayPool<float>.Shared.Rent(length);

    public static void Return(float[] buffer) => ArrayPool<float>.Shared.Return(buffer);

    /// <summary>Runs the model on <paramref name="input"/> (first InputLength floats) into the rented outputs.</summary>
    public void Run(float[] input, float[] output0, float[]? output1 = null, float[]? output2 = null)
    {
        var info = OrtMemoryInfo.DefaultInstance;
        using var inputValue = OrtValue.CreateTensorValueFromMemory(info, new Memory<float>(input, 0, InputLength), inputShape);
        using var out0 = Wrap(info, output0, 0);
        using var out1 = output1 is null ? null : Wrap(info, output1, 1);
        using var out2 = output2 is null ? null : Wrap(info, output2, 2);
        OrtValue[] outputs = out2 is not null ? [out0, out1!, out2] : out1 is not null ? [out0, out1] : [out0];
        string[] names = outputs.Length == outputNames.Length ? outputNames : outputNames[..outputs.Length];
        session.Run(runOptions, inputNames, [inputValue], names, outputs);
    }

    public void Dispose()
    {
        runOptions.Dispose();
        session.Dispose();
    }

    private OrtValue Wrap(OrtMemoryInfo info, float[] buffer, int index) =>
        OrtValue.CreateTensorValueFromMemory(info, new Memory<float>(buffer, 0, OutputLengths[index]), outputShapes[index]);

    private static long[] ToShape(int[] dimensions) => [.. dimensions.Select(d => d < 0 ? 1L : d)];

    private static int Length(long[] shape)
    {
        long length = 1;
        foreach (var d in shape)
        {
            length *= d;
        }

        return checked((int)length);
    }
}
