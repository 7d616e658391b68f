using NewsQA.Storage.Embedded;

namespace NewsQA.Storage.Embedded.Tests;

public sealed class DenseIndexQuantizedTests
{
    private const int Dimensions = 384;

    [Fact]
    public void QuantizedSearch_HasRecallAt10OfAtLeast099AgainstExact()
    {
        // Arrange: the same clustered unit vectors (near neighbours are close in score, the hard case) in an
        // exact index and one that always pre-selects on int8.
        var random = new Random(42);
        var exact = new DenseIndex(quantizedFrom: int.MaxValue);
        var quantized = new DenseIndex(quantizedFrom: 0);
        var centres = Enumerable.Range(0, 50).Select(_ => RandomUnit(random, null, 0)).ToArray();
        for (var row = 0; row < 20_000; row++)
        {
            var vector = RandomUnit(random, centres[row % centres.Length], 0.35f);
            exact.Add(row, $"d{row / 10}", vector);
            quantized.Add(row, $"d{row / 10}", vector);
        }

        // Act
        var found = 0;
        const int queries = 200;
        for (var q = 0; q < queries; q++)
        {
            var query = RandomUnit(random, centres[q % centres.Length], 0.35f);
            var truth = exact.Search(query, null, 10).Select(h => h.RowId).ToHashSet();
            found += quantized.Search(query, null, 10).Count(h => truth.Contains(h.RowId));
        }

        // Assert
        var recall = found / (double)(queries * 10);
        Assert.True(recall >= 0.99, $"recall@10 = {recall:F4}");
    }

    [Fact]
    public void QuantizedSearch_ReturnsExactScoresInDescendingOrderAndHonoursTheFilter()
    {
        var random = new Random(7);
        var exact = new DenseIndex(quantizedFrom: int.MaxValue);
        var quantized = new DenseIndex(quantizedFrom: 0, parallelFrom: 0);
        for (var row = 0; row < 3_000; row++)
        {
            var vector = RandomUnit(random, null, 0);
            exact.Add(row, $"d{row % 3}", vector);
            quantized.Add(row, $"d{row % 3}", vector);
        }

        var query = RandomUnit(random, null, 0);
        var expected = exact.Search(query, d => d != "d1", 5);
        var actual = quantized.Search(query, d => d != "d1", 5);

        Assert.Equal(expected.Select(h => h.RowId), actual.Select(h => h.RowId));
        Assert.Equal(expected.Select(h => h.Score), actual.Select(h => h.Score));
        Assert.All(actual, h => Assert.NotEqual(1, h.RowId % 3));
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(0)]
    public void Search_HonoursTheFilterPerDocument_WhenRemovalsSplitADocumentsRows(int quantizedFrom)
    {
        // Each document's rows arrive in a run, as a store adds them, with a new id string per row, as a load reads
        // them; removals then move the last rows into the holes, so documents' rows end up interleaved.
        var random = new Random(11);
        var index = new DenseIndex(quantizedFrom, parallelFrom: 0);
        var vectors = new Dictionary<long, (string Document, float[] Vector)>();
        for (var row = 0; row < 2_000; row++)
        {
            var document = new string(['d', .. (row / 7).ToString()]);
            var vector = RandomUnit(random, null, 0);
            index.Add(row, document, vector);
            vectors[row] = (document, vector);
        }

        foreach (var row in Enumerable.Range(0, 2_000).Where(r => random.Next(4) == 0).ToList())
        {
            index.Remove(row);
            vectors.Remove(row);
        }

        for (var q = 0; q < 20; q++)
        {
            var query = RandomUnit(random, null, 0);
            // Every third document allowed, the verdict depending on the document alone.
            bool Allowed(string document) => int.Parse(document.AsSpan(1)) % 3 == q % 3;
            var expected = vectors.Where(v => Allowed(v.Value.Document))
                .Select(v => (v.Key, Score: v.Value.Vector.Zip(query, (a, b) => a * b).Sum()))
                .OrderByDescending(v => v.Score).Take(10).Select(v => v.Key);

            Assert.Equal(expected, index.Search(query, Allowed, 10).Select(h => h.RowId));
        }
    }

    [Fact]
    public void Int8Dot_MatchesScalarSum()
    {
        var random = new Random(3);
        foreach (var length in new[] { 1, 15, 16, 31, 32, 33, 384, 1000 })
        {
            var a = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            var b = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            Assert.Equal(a.Zip(b, (x, y) => x * y).Sum(), Int8Vectors.Dot(a, b));
        }
    }

    private static float[] RandomUnit(Random random, float[]? centre, float spread)
    {
        var v = new float[Dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            var g = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            v[i] = centre is null ? g : centre[i] + spread * g / MathF.Sqrt(Dimensions);
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }
}
