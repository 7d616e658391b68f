using Microsoft.Extensions.AI;
using NewsQA.Core.Ingest.Chunking;

namespace NewsQA.Core.Search.Embedding;

/// <summary>
/// Embeds search queries and stored passages with the attached embedding model, adding the model family's prefixes
/// (e5's "query: " / "passage: "), caching repeated queries and reporting a failing model as
/// <see cref="EmbedderUnavailableException"/>. Always registered; the model may arrive while the service runs (a
/// background download, a folder dropped in), so it is attached once, then stays:
/// <list type="bullet">
/// <item><see cref="IsAvailable"/>: a model is attached, so writes embed their passages (and chunk to its window).</item>
/// <item><see cref="IsSearchable"/>: every stored document has this model's vectors, so dense ranking may run. Until
/// then a half-embedded store would rank the embedded documents above the rest, so queries stay lexical.</item>
/// </list>
/// Which of the two holds is the model's lifecycle, kept by NewsQA.Hosting's <c>EmbeddingModelState</c>.
/// </summary>
public sealed class QueryAndPassageEmbedder
{
    private volatile Attachment? attached;
    private volatile bool searchable;

    /// <summary>No model yet: lexical-only until <see cref="Attach"/>.</summary>
    public QueryAndPassageEmbedder()
    {
    }

    /// <summary>A model known at start, searchable at once (the start-up check may still suspend that).</summary>
    public QueryAndPassageEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingProfile profile, IPassageWindow? window = null)
    {
        Attach(generator, profile, window, searchable: true);
    }

    /// <summary>Query vectors of repeated questions (passages never: each is embedded once); null embeds every query.</summary>
    public QueryVectorCache? QueryCache { get; init; }

    public bool IsAvailable => attached is not null;

    public bool IsSearchable => searchable && attached is not null;

    /// <summary>The attached model's profile; throws <see cref="EmbedderUnavailableException"/> when none is.</summary>
    public EmbeddingProfile Profile => Current.Profile;

    /// <summary>The attached model's input window for chunking; null without a model (character budget only).</summary>
    public IPassageWindow? Window => attached?.Window;

    /// <summary>Attaches a model. Only one model is ever attached: vectors of two models must not mix.</summary>
    public void Attach(IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingProfile profile, IPassageWindow? window, bool searchable)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(profile);
        if (attached is not null)
        {
            throw new InvalidOperationException($"Embedding model '{attached.Profile.ModelId}' is already attached.");
        }

        this.searchable = searchable;
        attached = new Attachment(generator, profile, window);
    }

    /// <summary>Dense ranking waits: the stored documents are (still) being embedded.</summary>
    public void SuspendSearch() => searchable = false;

    /// <summary>Every stored document has vectors of the attached model: dense ranking may run.</summary>
    public void MarkSearchable() => searchable = true;

    public async Task<ReadOnlyMemory<float>> EmbedQueryAsync(string query, CancellationToken cancellationToken = default)
    {
        var model = Current;
        // Keyed by the attached model's id: a vector of another model is never served.
        if (QueryCache is not null && QueryCache.TryGet(model.Profile.ModelId, query, out var cached))
        {
            return cached;
        }

        var vectors = await EmbedAsync(model, [model.Profile.QueryPrefix + query], cancellationToken).ConfigureAwait(false);
        QueryCache?.Add(model.Profile.ModelId, query, vectors[0]);
        return vectors[0];
    }

    public Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedPassagesAsync(IReadOnlyList<string> passages, CancellationToken cancellationToken = default)
    {
        var model = Current;
        return EmbedAsync(model, passages.Select(p => model.Profile.PassagePrefix + p).ToList(), cancellationToken);
    }

    private Attachment Current => attached ?? throw new EmbedderUnavailableException("No embedding model is loaded.");

    private static async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(Attachment model, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            embeddings = await model.Generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not EmbedderUnavailableException)
        {
            throw new EmbedderUnavailableException($"Embedding model '{model.Profile.ModelId}' failed: {ex.Message}", ex);
        }

        if (embeddings.Count != texts.Count)
        {
            throw new EmbedderUnavailableException($"Embedding model '{model.Profile.ModelId}' returned {embeddings.Count} vectors for {texts.Count} texts.");
        }

        return embeddings.Select(e => e.Vector).ToList();
    }

    /// <summary>Generator, profile and window travel together, so a reader never sees one model's profile with another's generator.</summary>
    private sealed record Attachment(IEmbeddingGenerator<string, Embedding<float>> Generator, EmbeddingProfile Profile, IPassageWindow? Window);
}
