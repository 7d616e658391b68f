using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsQA.Api.Requests;
using NewsQA.Contracts.Documents;
using NewsQA.Api.Security;
using NewsQA.Core.Ingest;
using NewsQA.Core.Ingest.Input;
using NewsQA.Core.Documents;
using NewsQA.Core.Storage;

namespace NewsQA.Api.Endpoints;

public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocuments(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/documents").WithTags("Documents").AddEndpointFilter<ReadAccessFilter>();

        group.MapPost("/", (HttpRequest request, CollectionAccess access, IngestPipeline pipeline, IOptions<ApiLimitsOptions> limits, CancellationToken ct) => IngestAsync(request, null, access, pipeline, limits.Value, ct))
            .WithName("IngestDocument")
            .WithSummary("Ingest one document (JSON, raw text/plain in seed format, a text/html web page, or a multipart file)")
            .Accepts<DocumentRequest>("application/json", "text/plain", "text/html", "multipart/form-data")
            .AddEndpointFilter<WriteAccessFilter>();

        group.MapPut("/{id}", (string id, HttpRequest request, CollectionAccess access, IngestPipeline pipeline, IOptions<ApiLimitsOptions> limits, CancellationToken ct) => IngestAsync(request, id, access, pipeline, limits.Value, ct))
            .WithName("PutDocument")
            .WithSummary("Create or replace the document with this id")
            .Accepts<DocumentRequest>("application/json", "text/plain", "text/html", "multipart/form-data")
            .AddEndpointFilter<WriteAccessFilter>();

        group.MapGet("/", ListAsync).WithName("ListDocuments").WithSummary("List documents by id, paged with a cursor");
        group.MapGet("/{id}", GetAsync).WithName("GetDocument").WithSummary("A document's clean text and its chunk spans");
        group.MapPost("/{id}/move", MoveAsync).WithName("MoveDocument").WithSummary("Move a document to another collection (the one way it changes collection)")
            .AddEndpointFilter<WriteAccessFilter>();
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteDocument").WithSummary("Delete a document; no search or answer returns it afterwards")
            .AddEndpointFilter<WriteAccessFilter>();
        return group;
    }

    private static async Task<Results<Created<IngestResponse>, Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        HttpRequest request, string? routeId, CollectionAccess access, IngestPipeline pipeline, ApiLimitsOptions limits, CancellationToken ct)
    {
        if (request.ContentLength > limits.MaxBodyBytes)
        {
            return TooLarge(limits);
        }

        var (input, error) = await ReadInputAsync(request, limits, ct);
        if (input is null)
        {
            return error!;
        }

        if (routeId is not null)
        {
            if (input.Id is not null && input.Id != routeId)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"The body's id '{input.Id}' differs from the URL's '{routeId}'."] });
            }

            input = input with { Id = routeId };
        }

        // The collection is the body's or the query's (a text, HTML or multipart body has no field for it); both must agree.
        var query = request.Query["collection"].FirstOrDefault();
        if (query is not null && input.Collection is not null && query != input.Collection)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["collection"] = ["The body's collection differs from the URL's."] });
        }

        input = input with { Collection = input.Collection ?? query };
        var v = new RequestValidation(limits);
        var collection = v.Collection(input.Collection);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (access.Write(request.HttpContext, collection) is { } refused)
        {
            return refused;
        }

        IngestResult result;
        try
        {
            result = await pipeline.IngestAsync(input, ct);
        }
        catch (DocumentRejectedException ex) when (ex.IsConflict)
        {
            return TypedResults.Problem(title: "Document id taken", detail: ex.Message, statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict);
        }
        catch (DocumentRejectedException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.Field] = [ex.Message] });
        }

        var body = result.ToResponse();
        return result.Status == IngestStatus.Created
            ? TypedResults.Created(Location(body), body)
            : TypedResults.Ok(body);
    }

    private static async Task<(DocumentInput? Input, Results<Created<IngestResponse>, Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>? Error)> ReadInputAsync(
        HttpRequest request, ApiLimitsOptions limits, CancellationToken ct)
    {
        var contentType = request.ContentType ?? string.Empty;
        if (request.HasJsonContentType())
        {
            var json = await ReadBytesAsync(request.Body, limits, ct);
            return json.Bytes is null ? (null, json.Error!) : Decoded(DocumentDecoder.FromJson(json.Bytes));
        }

        if (contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            var text = await ReadBytesAsync(request.Body, limits, ct);
            return text.Bytes is null ? (null, text.Error!) : Decoded(DocumentDecoder.FromText(text.Bytes));
        }

        if (IsHtml(contentType))
        {
            var page = await ReadBytesAsync(request.Body, limits, ct);
            return page.Bytes is null ? (null, page.Error!) : Decoded(DocumentDecoder.FromHtml(page.Bytes));
        }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
            {
                // A broken multipart body (no boundary, truncated parts) is the client's mistake, not a 500.
                return (null, TypedResults.Problem(title: "Malformed form", detail: "The multipart body cannot be read: check its boundary and parts.", statusCode: 400, type: ProblemTypes.Validation));
            }

            var file = form.Files.FirstOrDefault();
            if (file is null)
            {
                return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send the article as a file field of the multipart form."] }));
            }

            await using var stream = file.OpenReadStream();
            var text = await ReadBytesAsync(stream, limits, ct);
            var id = form["id"].FirstOrDefault() ?? DocumentFileReader.IdFromFileName(file.FileName);
            var html = IsHtml(file.ContentType) || Path.GetExtension(file.FileName) is { } ext && (ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase));
            if (text.Bytes is null)
            {
                return (null, text.Error!);
            }

            // The file's name is recorded when it gave the id, so another file of that id is a conflict, not a replacement.
            var decoded = Decoded(html ? DocumentDecoder.FromHtml(text.Bytes, id) : DocumentDecoder.FromText(text.Bytes, id));
            return decoded.Input is { } named ? (named with { FileName = DocumentFileReader.NameOf(file.FileName) }, null) : decoded;
        }

        return (null, TypedResults.Problem(
            title: "Unsupported media type",
            detail: "Send application/json, text/plain or text/html (UTF-8), or multipart/form-data with a file.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            type: ProblemTypes.UnsupportedMediaType));
    }

    private static bool IsHtml(string? contentType) => contentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The decoder's verdict as the API answers it: the same message the CLI prints, under the field at fault.</summary>
    private static (DocumentInput? Input, Results<Created<IngestResponse>, Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>? Error) Decoded(DecodedDocument decoded) =>
        decoded switch
        {
            { Input: { } input } => (input, null),
            { Failure: DecodeFailure.MalformedJson } => (null, TypedResults.Problem(title: "Malformed JSON", detail: decoded.Error, statusCode: 400, type: ProblemTypes.MalformedJson)),
            { Failure: DecodeFailure.NotText } => (null, TypedResults.Problem(title: "Not text", detail: decoded.Error, statusCode: 400, type: ProblemTypes.NotText)),
            _ => (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [decoded.Field.Length == 0 ? "body" : decoded.Field] = [decoded.Error!] })),
        };

    private static async Task<(byte[]? Bytes, ProblemHttpResult? Error)> ReadBytesAsync(Stream body, ApiLimitsOptions limits, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limits.MaxBodyBytes)
            {
                return (null, TooLarge(limits));
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    private static ProblemHttpResult TooLarge(ApiLimitsOptions limits) => TypedResults.Problem(
        title: "Request body too large",
        detail: $"The body exceeds the limit of {limits.MaxBodyBytes} bytes (Limits:MaxBodyBytes).",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        type: ProblemTypes.TooLarge);

    private static async Task<Results<Ok<DocumentListResponse>, ValidationProblem, ProblemHttpResult>> ListAsync(
        IDocumentStore store, HttpContext http, CollectionAccess access, string? limit, string? cursor, string? collection, CancellationToken ct)
    {
        if (access.Refusal(http, collection, write: false, out var name) is { } refused)
        {
            return refused;
        }

        // Parsed here, not by the binder, whose 400 for "limit=abc" names the C# parameter and its type.
        var size = 100;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > 1000))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["'limit' must be between 1 and 1000."] });
        }

        string? after = null;
        // A cursor holds the key it continues after; one of another collection's listing is no cursor of this one.
        if (!string.IsNullOrEmpty(cursor) && (!Cursor.TryDecode(cursor, out after) || !DocumentKey.IsIn(after!, name)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cursor"] = ["'cursor' is not a cursor this API returned."] });
        }

        var page = await store.ListAsync(size + 1, after, ct, name);
        var items = page.Take(size).Select(s => s.ToListItem()).ToList();
        var next = page.Count > size ? Cursor.Encode(page[size - 1].Id) : null;
        return TypedResults.Ok(new DocumentListResponse(items, next));
    }

    private static async Task<Results<Ok<DocumentResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, string? collection, HttpContext http, CollectionAccess access, IDocumentStore store, CancellationToken ct)
    {
        if (access.Refusal(http, collection, write: false, out var name) is { } refused)
        {
            return refused;
        }

        // The key of the id inside the collection named: an id of another collection is simply not there (the same 404).
        var key = DocumentKey.Of(name, id);
        var document = DocumentId.IsValid(id) ? await store.GetAsync(key, ct) : null;
        if (document is null)
        {
            return NotFound(id);
        }

        var chunks = await store.GetChunksAsync(key, ct);
        return TypedResults.Ok(document.ToResponse(chunks));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, string? collection, HttpContext http, CollectionAccess access, IngestPipeline pipeline, CancellationToken ct)
    {
        if (access.Refusal(http, collection, write: true, out var name) is { } refused)
        {
            return refused;
        }

        return DocumentId.IsValid(id) && await pipeline.DeleteAsync(DocumentKey.Of(name, id), ct) ? TypedResults.NoContent() : NotFound(id);
    }

    /// <summary>Needs the right to write both collections; another collection's document of that id is a 409, nothing overwritten.</summary>
    private static async Task<Results<Ok<MoveResponse>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        string id, string? collection, MoveRequest? request, HttpContext http, CollectionAccess access, IngestPipeline pipeline, IOptions<ApiLimitsOptions> limits, CancellationToken ct)
    {
        var v = new RequestValidation(limits.Value);
        var from = v.Collection(collection);
        if (request?.To is null)
        {
            v.Add("to", "'to' (the target collection) is required.");
        }

        var to = v.Collection(request?.To);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if ((access.Write(http, from) ?? access.Write(http, to)) is { } refused)
        {
            return refused;
        }

        var result = DocumentId.IsValid(id) ? await pipeline.MoveAsync(DocumentKey.Of(from, id), to, ct) : MoveResult.NotFound;
        return result switch
        {
            MoveResult.Moved => TypedResults.Ok(new MoveResponse(id, to)),
            MoveResult.TargetTaken => TypedResults.Problem(title: "Document id taken", detail: $"The collection '{to}' already holds a document with id '{id}'.", statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict),
            _ => NotFound(id),
        };
    }

    private static string Location(IngestResponse document) =>
        $"/api/documents/{Uri.EscapeDataString(document.Id)}" + (document.Collection == DocumentKey.DefaultCollection ? string.Empty : $"?collection={Uri.EscapeDataString(document.Collection)}");

    /// <summary>A Problem result, so the 404 is sent as application/problem+json like every other error.</summary>
    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        title: "Document not found",
        detail: $"There is no document with id '{id}'.",
        statusCode: StatusCodes.Status404NotFound,
        type: ProblemTypes.NotFound);
}
