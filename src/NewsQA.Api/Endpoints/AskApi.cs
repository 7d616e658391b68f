using NewsQA.Core.Answer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsQA.Api.Requests;
using NewsQA.Contracts.Ask;
using NewsQA.Api.Security;

namespace NewsQA.Api.Endpoints;

public static class AskApi
{
    public static RouteGroupBuilder MapAsk(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/ask").WithTags("Ask").AddEndpointFilter<ReadAccessFilter>();
        group.MapPost("/", AskAsync)
            .WithName("Ask")
            .WithSummary("Answer a question with verified citations; with Accept: text/event-stream as server-sent events")
            .Produces<AnswerResult>(StatusCodes.Status200OK, "application/json", "text/event-stream");
        return group;
    }

    private static async Task<Results<Ok<AnswerResult>, ValidationProblem, ServerSentEventsResult<object>, ProblemHttpResult>> AskAsync(
        AskRequestDto? request, HttpContext http, CollectionAccess access, AskService ask, IOptions<ApiLimitsOptions> limits, ILoggerFactory loggers, CancellationToken ct)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(RequestValidation.MissingBody);
        }

        var v = new RequestValidation(limits.Value);
        var question = v.Text("question", request.Question);
        var top = v.Top(request.Top);
        var collection = v.Collection(request.Collection);
        var filter = v.Filter(request.Filter, collection);
        var history = v.History(request.History);
        var referenceDate = v.ReferenceDate(request.ReferenceDate);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (access.Read(http, collection) is { } refused)
        {
            return refused;
        }

        var askRequest = new AskRequest(question, top, filter, history) { ReferenceDate = referenceDate };
        if (AnswerStream.IsRequested(http.Request))
        {
            return TypedResults.ServerSentEvents(AnswerStream.Events(http, ask, askRequest, collection, loggers.CreateLogger(typeof(AskApi)), ct));
        }

        return TypedResults.Ok((await ask.AskAsync(askRequest, ct)).ForWire(collection));
    }
}
