using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

namespace NewsQA.Benchmarks;

/// <summary>
/// Time per operator type of one pass over pre-tokenized batches, from ONNX Runtime's own profiler (the Chrome-trace
/// JSON <see cref="SessionOptions.EnableProfiling"/> writes: "Node" events with an op_name and a duration in µs).
/// Names are after ORT's graph fusions (e.g. Attention, SkipLayerNormalization, DynamicQuantizeMatMul), which is
/// what actually runs. Default threads, as the embedder runs.
/// </summary>
internal static class OrtProfile
{
    public static Dictionary<string, double> OperatorMicroseconds(string modelPath, IReadOnlyList<int[]> ids, IReadOnlyList<int[]> batches, long paddingId)
    {
        var prefix = Path.Combine(Path.GetTempPath(), "newsqa-ort-profile-" + Guid.NewGuid().ToString("N"));
        using var options = new SessionOptions
        {
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        using var session = new InferenceSession(modelPath, options);
        // Warm first without the profiler, then profile exactly one pass.
        RunAll(session, ids, batches, paddingId);
        using var profiled = new SessionOptions
        {
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            EnableProfiling = true,
            ProfileOutputPathPrefix = prefix,
        };
        using var profiledSession = new InferenceSession(modelPath, profiled);
        RunAll(profiledSession, ids, batches.Take(2).ToList(), paddingId); // its own warm-up, inside the trace but filtered below
        RunAll(profiledSession, ids, batches, paddingId);
        var file = profiledSession.EndProfiling();
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(File.ReadAllText(file)))
        {
            // Runs are "model_run" events; skip the nodes of the warm-up runs (the first two model_run spans).
            var runs = doc.RootElement.EnumerateArray().Where(e => e.GetProperty("name").GetString() == "model_run").Select(e => e.GetProperty("ts").GetInt64()).Order().ToList();
            var from = runs.Count > 2 ? runs[2] : 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.GetProperty("cat").GetString() != "Node" || e.GetProperty("ts").GetInt64() < from
                    || !e.TryGetProperty("args", out var a) || !a.TryGetProperty("op_name", out var op)
                    || !e.GetProperty("name").GetString()!.EndsWith("_kernel_time", StringComparison.Ordinal))
                {
                    continue;
                }

                var name = op.GetString()!;
                totals[name] = totals.GetValueOrDefault(name) + e.GetProperty("dur").GetDouble();
            }
        }

        File.Delete(file);
        return totals;
    }

    private static void RunAll(InferenceSession session, IReadOnlyList<int[]> ids, IReadOnlyList<int[]> batches, long paddingId)
    {
        var typed = session.InputMetadata.ContainsKey("token_type_ids");
        var output = session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state" : session.OutputNames[0];
        foreach (var b in batches)
        {
            var seq = b.Max(i => ids[i].Length);
            var inputIds = new long[b.Length * seq];
            var mask = new long[b.Length * seq];
            Array.Fill(inputIds, paddingId);
            for (var r = 0; r < b.Length; r++)
            {
                for (var t = 0; t < ids[b[r]].Length; t++)
                {
                    inputIds[r * seq + t] = ids[b[r]][t];
                    mask[r * seq + t] = 1;
                }
            }

            long[] shape = [b.Length, seq];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[inputIds.Length], shape);
            var names = typed ? new[] { "input_ids", "attention_mask", "token_type_ids" } : ["input_ids", "attention_mask"];
            var values = typed ? new[] { idsValue, maskValue, typesValue } : [idsValue, maskValue];
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, names, values, [output]);
        }
    }
}
