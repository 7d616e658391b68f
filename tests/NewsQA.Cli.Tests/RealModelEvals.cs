using NewsQA.Testing;

namespace NewsQA.Cli.Tests;

/// <summary>
/// The evals that run a real model (the quality tests) run one after another and share one vector cache
/// (<c>newsqa eval --vector-cache</c>): the 1,028 distractors, the dev paragraphs, the questions and the sentences the
/// answerer weighs are the same texts in several of them, and a real model embedding them again for each test was most
/// of the test command's time. Every vector is still the model's own output in this run; the cache only keeps it, keyed
/// by model and exact text (<see cref="EvalVectorCacheCommandTests"/> holds it to ranking the same).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealModelEvals : ICollectionFixture<RealModelEvals.VectorCache>
{
    public const string Name = "real-model evals";

    /// <summary>The shared cache folder, deleted after the collection's last test.</summary>
    public sealed class VectorCache : IDisposable
    {
        private readonly TempFolder folder = new("newsqa-eval-vectors-");

        public string Path => folder.Path;

        public void Dispose() => folder.Dispose();
    }
}
