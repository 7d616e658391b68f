using Microsoft.Extensions.Options;

namespace NewsQA.Storage.Qdrant;

/// <summary>Cross-field rules, failing at start with the configuration path instead of later with a server error.</summary>
public sealed class QdrantStoreOptionsValidator : IValidateOptions<QdrantStoreOptions>
{
    private static readonly string S = QdrantStoreOptions.Section;

    public ValidateOptionsResult Validate(string? name, QdrantStoreOptions options)
    {
        var failures = new List<string>();
        if (options.Url is { } url)
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            {
                failures.Add($"{S}:Url must be an absolute http or https URL such as http://localhost:6334.");
            }
            else if (url.Port == 6333)
            {
                // The most likely mistake after the move from REST to gRPC: the call would fail with an opaque protocol error.
                failures.Add($"{S}:Url names port 6333, Qdrant's REST port; the store speaks gRPC, by default on port 6334.");
            }
        }

        if (options.TotalTimeout <= options.AttemptTimeout)
        {
            failures.Add($"{S}:TotalTimeout must be greater than {S}:AttemptTimeout.");
        }

        if (options.WriteConsistencyFactor > options.ReplicationFactor)
        {
            failures.Add($"{S}:WriteConsistencyFactor ({options.WriteConsistencyFactor}) must not exceed {S}:ReplicationFactor ({options.ReplicationFactor}): a write cannot wait for more copies than exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
