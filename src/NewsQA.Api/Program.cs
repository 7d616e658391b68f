using NewsQA.Api.Endpoints;
using NewsQA.Api.Setup;
using NewsQA.Api.Security;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsQaApi();
builder.AddNewsQaTelemetry();

var app = builder.Build();
app.UseNewsQaProxy(app.Configuration);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseNewsQaBodyLimit();
app.UseNewsQaRequestCharset();
app.UseCors(CorsSetup.Policy);
app.UseRateLimiter();
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealth();
app.MapNewsQaMetrics();
app.MapDocuments();
app.MapSearch();
app.MapAsk();

app.Run();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
