using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text;
using NewsQA.Storage.Embedded;
using static NewsQA.Benchmarks.Measure;

namespace NewsQA.Benchmarks;

/// <summary>
/// Dense search latency excluding query embedding (synthetic unit vectors, dim 384) at several scales, for the
/// exact float scan and the int8 pre-scan + float rescoring, single- and multi-threaded; the float scan's GB/s
/// against this machine's memory bandwidth measured in the same run.
/// </summary>
internal static class SearchBench
{
    public static int Run(BenchArgs args)
    {
        const int dims = 384;
        var report = new StringBuilder();
        var (bw1, bw2) = Bandwidth();
        report.AppendLine("### Dense search (excluding query embedding; synthetic unit vectors, dim 384, top 10)");
        report.AppendLine();
        report.AppendLine($"Memory read bandwidth measured in this run (TensorPrimitives.Sum over 1 GiB of floats, best of 5): {F(bw1, "F1")} GB/s on 1 thread, {F(bw2, "F1")} GB/s on {Environment.ProcessorCount} threads.");
        report.AppendLine();
        report.AppendLine("| chunks | path | p50 ms | p99 ms | scan GB/s | × 1-thread bandwidth | recall@10 vs exact |");
        report.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var rows in args.Ints("scales", "10000,100000,1000000"))
        {
            Progress($"search: filling {rows} rows");
            var index = new DenseIndex();
            SyntheticVectors.Fill(rows, dims, rows, (row, v) => index.Add(row, "d" + (row / 10), v));
            var random = new Random(5);
            var queries = Enumerable.Range(0, rows >= 1_000_000 ? 30 : 100).Select(_ => SyntheticVectors.Unit(random, dims)).ToList();
            List<HashSet<long>>? truth = null;
            foreach (var (name, quantizedFrom, parallelFrom) in new[]
            {
                ("exact float, 1 thread", int.MaxValue, int.MaxValue),
                ("exact float, partitioned", int.MaxValue, 0),
                ("int8 + rescore 4×k, 1 thread", 0, int.MaxValue),
                ("int8 + rescore 4×k, partitioned", 0, 0),
            })
            {
                index.QuantizedFrom = quantizedFrom;
                index.ParallelFrom = parallelFrom;
                var results = new List<HashSet<long>>();
                var times = new List<double>();
                index.Search(queries[0], null, 10);
                foreach (var q in queries)
                {
                    var sw = Stopwatch.StartNew();
                    var hits = index.Search(q, null, 10);
                    times.Add(sw.Elapsed.TotalMilliseconds);
                    results.Add([.. hits.Select(h => h.RowId)]);
                }

                truth ??= results;
                times.Sort();
                var recall = results.Zip(truth, (r, t) => r.Count(t.Contains)).Sum() / (double)(10 * queries.Count);
                var bytes = (double)rows * dims * (quantizedFrom == 0 ? 1 : 4);
                var gbps = bytes / (Percentile(times, 50) / 1000) / 1e9;
                report.AppendLine($"| {rows:N0} | {name} | {F(Percentile(times, 50))} | {F(Percentile(times, 99))} | {F(gbps, "F1")} | {F(gbps / bw1)} | {F(recall, "F3")} |");
                Progress($"search {rows} {name}: p50 {Percentile(times, 50):F2} ms");
            }

            index.Clear();
            GC.Collect();
        }

        report.AppendLine();
        report.AppendLine("Scan GB/s counts the bytes of the matrix the path reads (4 B/dim float, 1 B/dim int8), not the rescoring reads. The store uses int8 + rescore from 20,000 chunks (`Store:Embedded:QuantizedSearchFrom`) and partitions from 200,000.");
        Console.Write(report);
        return 0;
    }

    private static (double OneThread, double AllThreads) Bandwidth()
    {
        var data = new float[256 * 1024 * 1024];
        data.AsSpan().Fill(1f);
        double best1 = 0, bestN = 0;
        var parts = Environment.ProcessorCount;
        for (var rep = 0; rep < 5; rep++)
        {
            var s = Seconds(() => TensorPrimitives.Sum(data));
            best1 = Math.Max(best1, data.Length * 4.0 / s / 1e9);
            s = Seconds(() => Parallel.For(0, parts, p =>
            {
                var size = data.Length / parts;
                TensorPrimitives.Sum(data.AsSpan(p * size, size));
            }));
            bestN = Math.Max(bestN, data.Length * 4.0 / s / 1e9);
        }

        return (best1, bestN);
    }
}
