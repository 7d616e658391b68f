using Microsoft.Extensions.Options;
using NewsQA.Api.Endpoints;
using NewsQA.Api.Setup;
using NewsQA.Api.Security;
using NewsQA.Hosting.Configuration;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddNewsQaApi();
    builder.AddNewsQaTelemetry();

    var app = builder.Build();
    // First, so every answer carries the security headers: problems from the limits below and the exception handler's.
    app.UseNewsQaStaticFileHeaders();
    // Before routing, which WebApplication would otherwise run first: a HEAD is matched as the GET it stands for.
    app.UseNewsQaHeadAsGet();
    app.UseRouting();
    app.UseNewsQaProxy(app.Configuration);
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseNewsQaRequestTargetLimit();
    app.UseNewsQaBodyLimit();
    app.UseNewsQaRequestCharset();
    app.UseCors(CorsSetup.Policy);
    app.UseRateLimiter();
    app.UseDefaultFiles();
    app.UseStaticFiles();

    app.MapNewsQaOpenApi();
    app.MapHealth();
    app.MapNewsQaMetrics();
    app.MapDocuments();
    app.MapCollections();
    app.MapSearch();
    app.MapAsk();

    app.Run();
    return 0;
}
catch (Exception ex) when (ex is InvalidConfigurationException or OptionsValidationException)
{
    // A configuration mistake is the operator's to fix: one line per key, no stack trace, a non-zero exit.
    var lines = ex is OptionsValidationException options ? options.Failures : ((InvalidConfigurationException)ex).Problems;
    foreach (var line in lines)
    {
        Console.Error.WriteLine($"configuration error: {line}");
    }

    return 2;
}

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
