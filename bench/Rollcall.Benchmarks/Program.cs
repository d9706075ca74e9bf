using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// `dotnet run -c Release --project bench/Rollcall.Benchmarks -- --filter '*'` (or '*VideoNote*'); never run by the tests.
// A short in-process run: the work is native (ONNX Runtime, OpenCV), and a few minutes is the budget on a 2-core machine.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
