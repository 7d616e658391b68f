using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;

namespace NewsQA.Hosting.Selection;

/// <summary>Section <c>Store</c>: which backend holds the documents (<see cref="StoreSelection"/>).</summary>
public sealed class StoreOptions : ISectionOptions
{
    public static string Section => "Store";

    /// <summary><c>Store:Provider</c>: one of <see cref="StoreSelection.Providers"/>, any letter case.</summary>
    public string Provider { get; set; } = StoreSelection.Providers[0];
}

public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options) =>
        StoreSelection.IsKnown(options.Provider)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{StoreSelection.Key} must be {string.Join(" or ", StoreSelection.Providers.Select(p => $"'{p}'"))}, got '{options.Provider}'");
}
