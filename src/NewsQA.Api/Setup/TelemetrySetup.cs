using NewsQA.Core.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsQA.Api.Setup;

/// <summary>
/// Logs, traces and metrics. Logs carry the request's trace id and path through logging scopes
/// (<c>Logging:Console:FormatterName=json</c> for one JSON object per line). Traces and metrics come from
/// ASP.NET Core, HttpClient and the <c>NewsQA</c> meter/activity source; metrics are scraped from
/// <c>/metrics</c> (Prometheus text), and traces go to an OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
internal static class TelemetrySetup
{
    public static WebApplicationBuilder AddNewsQaTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("NewsQA.Api"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(NewsQaMetrics.Name).AddPrometheusExporter();
            })
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = http => !IsScrape(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddSource(NewsQaMetrics.Name);
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            });
        return builder;
    }

    /// <summary>Prometheus text on <c>GET /metrics</c>: request counts and latency, ingest counts, embedder timings.</summary>
    public static WebApplication MapNewsQaMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static bool IsScrape(PathString path) => path.StartsWithSegments("/metrics") || path.StartsWithSegments("/health");
}
