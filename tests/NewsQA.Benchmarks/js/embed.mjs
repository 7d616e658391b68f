// transformers.js side of the embedding benchmark: the same model files (AutoModel on onnxruntime-node, fp32)
// called on exactly the id batches the .NET side ran (written by `NewsQA.Benchmarks embed` to ids.json).
// Tokenization is not compared: XLM-R's tokenizer.json cannot be fetched here, so both sides get the same ids.
// usage: node embed.mjs MODELS_DIR MODEL_NAME IDS_JSON [REPS]
import { readFileSync } from "node:fs";
import { AutoModel, Tensor, env } from "@huggingface/transformers";

const version = (name) => JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), "utf8")).version;
const [modelsDir, modelName, idsPath, repsArg] = process.argv.slice(2);
env.allowRemoteModels = false;
env.localModelPath = modelsDir;
const { batches, dotnetRawTokensPerSecond } = JSON.parse(readFileSync(idsPath, "utf8"));
const model = await AutoModel.from_pretrained(modelName, { dtype: "fp32", device: "cpu" });

const tensors = batches.map((rows) => {
  const seq = Math.max(...rows.map((r) => r.length));
  const ids = new BigInt64Array(rows.length * seq).fill(1n);
  const mask = new BigInt64Array(rows.length * seq);
  rows.forEach((r, i) => r.forEach((id, t) => { ids[i * seq + t] = BigInt(id); mask[i * seq + t] = 1n; }));
  return { input_ids: new Tensor("int64", ids, [rows.length, seq]), attention_mask: new Tensor("int64", mask, [rows.length, seq]) };
});
const tokens = batches.flat().reduce((n, r) => n + r.length, 0);

for (const t of tensors) await model(t); // warm-up, as on the .NET side
const reps = Number(repsArg ?? 2);
const start = process.hrtime.bigint();
for (let rep = 0; rep < reps; rep++) for (const t of tensors) await model(t);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const tps = (tokens * reps) / seconds;
console.log(`- **transformers.js / .NET raw \`Run\` on identical id batches: ${(tps / dotnetRawTokensPerSecond).toFixed(3)}** (transformers.js ${tps.toFixed(0)} tokens/s, .NET raw ${dotnetRawTokensPerSecond.toFixed(0)} tokens/s; ${batches.length} batches, ${tokens} tokens, ${reps} reps; @huggingface/transformers ${version("@huggingface/transformers")}, onnxruntime-node ${version("onnxruntime-node")}).`);
