using NewsQA.Core.Configuration;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace NewsQA.Answering.Generative;

/// <summary>The chat model behind generative answers: any OpenAI-compatible chat completions endpoint.</summary>
public sealed class GenerativeOptions : ISectionOptions
{
    public static string Section => "Llm";

    /// <summary>
    /// Base URL of the OpenAI-compatible API, up to and including the version segment
    /// (<c>http://localhost:11434/v1</c> for Ollama, <c>https://api.openai.com/v1</c>). Unset: answers stay extractive.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Model name as the endpoint knows it (<c>llama3.1:8b</c>, <c>gpt-4o-mini</c>).</summary>
    public string? Model { get; set; }

    /// <summary>Bearer key; local servers usually ignore it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Longest wait for one model call; past it the extractive answer is given instead.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 20;

    [Range(64, 8192)]
    public int MaxTokens { get; set; } = 800;

    [Range(0.0, 2.0)]
    public double Temperature { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);
}

public sealed class GenerativeOptionsValidator : IValidateOptions<GenerativeOptions>
{
    public ValidateOptionsResult Validate(string? name, GenerativeOptions options)
    {
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return ValidateOptionsResult.Fail($"{GenerativeOptions.Section}:Endpoint must be an absolute http(s) URL, e.g. http://localhost:11434/v1.");
        }

        return string.IsNullOrWhiteSpace(options.Model)
            ? ValidateOptionsResult.Fail($"{GenerativeOptions.Section}:Model is required when {GenerativeOptions.Section}:Endpoint is set.")
            : ValidateOptionsResult.Success;
    }
}
