using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Embeddings.Onnx;
using NewsQA.Embeddings.Onnx.Models;
using Spectre.Console;

namespace NewsQA.Cli.Commands;

/// <summary>
/// <c>newsqa models list</c> and <c>newsqa models pull [NAME]</c>: downloads a model's files from the model hub
/// into models/NAME/, resuming partial downloads and verifying each file's published sha256.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Model name under models/ (default: multilingual-e5-small)", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => OnnxEmbeddingOptions.DefaultModel };
        var pull = new Command("pull", "Download a model's files, verify their sha256, resume partial downloads") { name };
        pull.SetAction(async (parse, ct) =>
        {
            await using var services = Services();
            var catalog = services.GetRequiredService<ModelCatalog>();
            var model = parse.GetValue(name)!;
            ModelManifest manifest;
            try
            {
                manifest = catalog.GetManifest(model);
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }

            var directory = catalog.Locate(model);
            try
            {
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
                    .StartAsync(async ctx =>
                    {
                        var tasks = new Dictionary<string, ProgressTask>();
                        await services.GetRequiredService<ModelDownloader>().PullAsync(manifest, directory, p =>
                        {
                            if (!tasks.TryGetValue(p.File, out var task))
                            {
                                task = ctx.AddTask(p.Resumed ? $"{p.File} (resumed)" : p.File, maxValue: p.TotalBytes ?? 1);
                                tasks[p.File] = task;
                            }

                            task.MaxValue = p.TotalBytes ?? Math.Max(task.MaxValue, p.BytesDone);
                            task.Value = p.BytesDone;
                        }, ct);
                    });
            }
            catch (ModelDownloadException ex)
            {
                Console.Error.WriteLine($"error: {ex.Message}");
                return 1;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The models folder cannot be written (read-only, no permission): one line, not a stack trace.
                Console.Error.WriteLine($"error: cannot write {manifest.Id}'s files into the models folder ({(ex is UnauthorizedAccessException ? "permission denied" : "I/O error")}).");
                return 1;
            }

            Console.WriteLine($"{manifest.Id}: all files verified in {directory}");
            return 0;
        });

        var list = new Command("list", "List the models with a manifest and whether their files are present");
        list.SetAction(parse =>
        {
            using var services = Services();
            var catalog = services.GetRequiredService<ModelCatalog>();
            foreach (var model in catalog.Names())
            {
                var ready = ModelFolder.TryLoad(catalog.Locate(model), out ModelFolder? _, out var problem);
                Console.WriteLine($"{model,-28} {(ready ? "ready" : "not pulled: " + problem)}");
            }

            return 0;
        });

        return new Command("models", "Embedding models: list, pull") { list, pull };
    }

    private static ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddOnnxEmbeddings(configuration);
        return services.BuildServiceProvider();
    }
}
