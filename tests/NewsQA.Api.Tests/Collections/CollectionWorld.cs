using System.Net.Http.Json;
using NewsQA.Testing;

namespace NewsQA.Api.Tests.Collections;

/// <summary>
/// One service with three collections and the keys of issue 35: the seeds in <c>default</c> (public), a desk and an
/// agency with their own articles, one of them under an id both use. Shared by the matrix's rows (built once).
/// </summary>
public sealed class CollectionWorld : IAsyncLifetime
{
    public const string AdminKey = "admin-key-0123456789";
    public const string DeskKey = "desk-key-0123456789";
    public const string AgencyKey = "agency-key-0123456789";
    public const string ReaderKey = "reader-key-0123456789";
    public const string WrongKey = "wrong-key-0123456789";

    public const string Desk = "desk";
    public const string Agency = "agency";
    public const string Default = "default";

    /// <summary>Words every collection's articles hold, so a search or question finds something in each.</summary>
    public const string Query = "Raketen Ukraine Produktion";

    public static readonly string[] Collections = [Default, Desk, Agency];

    public static readonly string?[] Keys = [null, WrongKey, DeskKey, AgencyKey, ReaderKey, AdminKey];

    public NewsQaApplication App { get; } = new(new Dictionary<string, string?>
    {
        ["Auth:ApiKey"] = AdminKey,
        ["Auth:Keys:0:Key"] = DeskKey,
        ["Auth:Keys:0:Read:0"] = Desk,
        ["Auth:Keys:0:Write:0"] = Desk,
        ["Auth:Keys:1:Key"] = AgencyKey,
        ["Auth:Keys:1:Read:0"] = Agency,
        ["Auth:Keys:1:Write:0"] = Agency,
        ["Auth:Keys:2:Key"] = ReaderKey,
        ["Auth:Keys:2:Read:0"] = Desk,
        ["Auth:Keys:2:Read:1"] = Agency,
    });

    /// <summary>The ids each collection holds, read back with the admin key.</summary>
    public Dictionary<string, HashSet<string>> Ids { get; } = [];

    /// <summary>Every document's text by (collection, id): what another collection's answer must never quote.</summary>
    public Dictionary<(string Collection, string Id), string> Texts { get; } = [];

    public static bool MayRead(string? key, string collection) => collection == Default || key switch
    {
        AdminKey or ReaderKey => true,
        DeskKey => collection == Desk,
        AgencyKey => collection == Agency,
        _ => false,
    };

    public static bool MayWrite(string? key, string collection) => key switch
    {
        AdminKey => true,
        DeskKey => collection == Desk,
        AgencyKey => collection == Agency,
        _ => false,
    };

    public HttpClient Client(string? key)
    {
        var client = App.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public async ValueTask InitializeAsync()
    {
        using var admin = Client(AdminKey);
        (string Collection, string Id, string Text)[] articles =
        [
            (Desk, "shared", "Die Ukraine will die Produktion von Raketen verdoppeln, berichtet die Redaktion. Der Plan der Redaktion ist vertraulich."),
            (Desk, "desk-only", "Raketen aus der Ukraine: die Redaktion recherchiert die Produktion in Dnipro. Quellen bleiben geschützt."),
            (Agency, "shared", "Agenturmeldung: Die Ukraine steigert die Produktion von Raketen um ein Drittel. Die Agentur beruft sich auf Kiew."),
            (Agency, "agency-only", "Die Agentur meldet: Produktion von Raketen in der Ukraine stockt. Lieferungen verzögern sich."),
        ];
        foreach (var (collection, id, text) in articles)
        {
            using var response = await admin.PutAsJsonAsync($"/api/documents/{id}", new { text, title = $"{collection} {id}", collection }, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        foreach (var collection in Collections)
        {
            var list = await admin.GetJsonAsync($"/api/documents?collection={collection}", TestContext.Current.CancellationToken);
            Ids[collection] = [.. list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];
            foreach (var id in Ids[collection])
            {
                var document = await admin.GetJsonAsync($"/api/documents/{id}?collection={collection}", TestContext.Current.CancellationToken);
                Texts[(collection, id)] = document["text"]!.GetValue<string>();
            }
        }
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
