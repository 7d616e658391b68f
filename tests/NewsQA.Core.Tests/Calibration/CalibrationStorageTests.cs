using NewsQA.Testing;
using Microsoft.Extensions.Options;
using NewsQA.Core.Answer;
using NewsQA.Core.Calibration;

namespace NewsQA.Core.Tests.Calibration;

/// <summary>calibration.json in a data directory, and the threshold an ask picks from it.</summary>
public sealed class CalibrationStorageTests : IDisposable
{
    private readonly TempFolder data = new("newsqa-calibration-");

    public void Dispose() => data.Dispose();

    private static CalibrationEntry Entry(double minConfidence) =>
        new(minConfidence, "hybrid", "test", 10, 10, 0.8, 0.9, 0.02, new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));

    private static IOptions<AnswerOptions> Shipped => Options.Create(new AnswerOptions { MinConfidence = 0.4 });

    [Fact]
    public void Write_KeepsOtherModelsAndReadsBack()
    {
        CalibrationFile.Write(data, CalibrationFile.LexicalKey, Entry(0.55));
        CalibrationFile.Write(data, "all-MiniLM-L6-v2", Entry(0.62));
        CalibrationFile.Write(data, CalibrationFile.LexicalKey, Entry(0.57));

        var read = CalibrationFile.Read(data);

        Assert.Equal(0.57, read[CalibrationFile.LexicalKey].MinConfidence);
        Assert.Equal(0.62, read["all-MiniLM-L6-v2"].MinConfidence);
        Assert.Equal(2, read.Count);
        Assert.Equal([CalibrationFile.FileName], Directory.GetFiles(data).Select(Path.GetFileName));
    }

    [Fact]
    public void NoFile_IsNoCalibration() => Assert.Empty(CalibrationFile.Read(data));

    [Fact]
    public void DamagedFile_IsAClearError()
    {
        File.WriteAllText(CalibrationFile.PathIn(data), "{ \"models\": ");

        var error = Assert.Throws<InvalidDataException>(() => CalibrationFile.Read(data));
        Assert.Contains(CalibrationFile.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_IsTheOneFittedForTheModelThatFedTheAnswer()
    {
        var threshold = new AnswerThreshold(Shipped, explicitlyConfigured: false, new Dictionary<string, CalibrationEntry>
        {
            [CalibrationFile.LexicalKey] = Entry(0.55),
            ["all-MiniLM-L6-v2"] = Entry(0.62),
        });

        Assert.Equal(0.55, threshold.For(null));
        Assert.Equal(0.62, threshold.For("all-MiniLM-L6-v2"));
        Assert.Equal(0.4, threshold.For("snowflake-arctic-embed-xs"));
        Assert.Null(threshold.Notice("all-MiniLM-L6-v2"));
        Assert.Contains("snowflake-arctic-embed-xs", threshold.Notice("snowflake-arctic-embed-xs"), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredValue_WinsOverTheFile()
    {
        var threshold = new AnswerThreshold(Shipped, explicitlyConfigured: true, new Dictionary<string, CalibrationEntry> { ["m"] = Entry(0.9) });

        Assert.Equal(0.4, threshold.For("m"));
        Assert.Null(threshold.Notice("other"));
    }

    [Fact]
    public void LexicalWithoutCalibration_UsesTheShippedDefaultWithoutNotice()
    {
        var threshold = new AnswerThreshold(Shipped);

        Assert.Equal(0.4, threshold.For(null));
        Assert.Null(threshold.Notice(null));
    }
}
