using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NewsQA.Core.Documents;
using NewsQA.Storage.Embedded;

namespace NewsQA.Benchmarks;

/// <summary>BenchmarkDotNet micro-benchmarks: dense scan kernels and one search at 100k rows. Short in-process job (2 cores, shared).</summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1);
        var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath(Path.GetFullPath(".bench/BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromTypes([typeof(DenseSearchBenchmarks)]).Run(args.Length > 0 ? args : ["--filter", "*"], config);
        return 0;
    }
}

[MemoryDiagnoser]
public class DenseSearchBenchmarks
{
    private DenseIndex exact = null!;
    private DenseIndex quantized = null!;
    private float[] query = null!;

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        exact = new DenseIndex(int.MaxValue, parallelFrom: int.MaxValue);
        quantized = new DenseIndex(0, parallelFrom: int.MaxValue);
        SyntheticVectors.Fill(Rows, 384, 1, (row, v) =>
        {
            exact.Add(row, "d" + (row / 10), v);
            quantized.Add(row, "d" + (row / 10), v);
        });
        query = SyntheticVectors.Unit(new Random(99), 384);
    }

    [Benchmark(Baseline = true)]
    public int ExactFloatScan() => exact.Search(query, null, 10).Count;

    [Benchmark]
    public int Int8ScanThenRescore() => quantized.Search(query, null, 10).Count;

    /// <summary>The scan as every store search asks it: restricted to one collection, tested on each row's document key.</summary>
    [Benchmark]
    public int Int8ScanThenRescore_OneCollection() => quantized.Search(query, id => DocumentKey.IsIn(id, DocumentKey.DefaultCollection), 10).Count;
}
