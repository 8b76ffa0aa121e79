/**
 * `npm run train [-- --include <file.jsonl> …]`: trains the triage model from data/train.jsonl (plus
 * any included file of the same format, such as `npm run triage:export`'s) and writes model.json.
 * Deterministic: the same data and code give the same file. Never reads the dev set; reads the field
 * set only to fit the one confidence temperature, when it exists.
 */
import { existsSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildTrainingSet } from "./augment";
import { FIELD_PATH, readExamples, REPOSITORY_ROOT, TRAIN_PATH, type Example } from "./dataset";
import { trainingFingerprint } from "./fingerprint";
import { LinearModel, MODEL_CLASSES, MODEL_FORMAT, VAGUE, type ModelFile } from "./model";
import { TextScorer } from "./scorer";
import {
  buildFeatureTable,
  crossValidatedLogits,
  fitByGoldenSection,
  fitTemperature,
  logitsOf,
  trainSoftmax,
  TRAINING_CONFIG,
  type Weights,
} from "./training";

const MODEL_PATH = fileURLToPath(new URL("./model.json", import.meta.url));
const INT16_MAX = 32_767;

function argmax(values: Float64Array): number {
  let best = 0;
  values.forEach((value, index) => {
    if (value > (values[best] ?? -Infinity)) best = index;
  });
  return best;
}

function base64(array: Uint32Array | Int16Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

/** Centres each row, drops features whose weights are all negligible and stores the rest as 16-bit integers. */
function compact(hashes: Uint32Array, model: Weights, fingerprint: string, sources: string[]): ModelFile {
  const classCount = MODEL_CLASSES.length;
  hashes.forEach((_, row) => {
    const weights = model.weights.subarray(row * classCount, (row + 1) * classCount);
    const mean = weights.reduce((sum, weight) => sum + weight, 0) / classCount;
    weights.forEach((weight, c) => (weights[c] = weight - mean));
  });
  const keptRows: number[] = [];
  let largest = 0;
  hashes.forEach((_, row) => {
    let rowLargest = 0;
    for (let c = 0; c < classCount; c++)
      rowLargest = Math.max(rowLargest, Math.abs(model.weights[row * classCount + c] ?? 0));
    if (rowLargest >= TRAINING_CONFIG.pruneBelow) keptRows.push(row);
    largest = Math.max(largest, rowLargest);
  });
  const weightScale = largest / INT16_MAX;
  const weights = new Int16Array(keptRows.length * classCount);
  keptRows.forEach((row, kept) => {
    for (let c = 0; c < classCount; c++) {
      weights[kept * classCount + c] = Math.round((model.weights[row * classCount + c] ?? 0) / weightScale);
    }
  });
  return {
    format: MODEL_FORMAT,
    fingerprint,
    sources,
    calibratedOn: "cross-validation",
    classes: [...MODEL_CLASSES],
    temperature: 1,
    bias: Array.from(model.bias, (value) => Number(value.toFixed(6))),
    weightScale,
    hashes: base64(Uint32Array.from(keptRows, (row) => hashes[row] ?? 0)),
    weights: base64(weights),
  };
}

/**
 * The temperature that makes the confidence shown mean "probability that the category is right" on the
 * field set: it minimises the log loss of that event, with the classifier's own reading (clauses
 * included). The one number fitted on the field set. A vague text is never "right": no category is.
 */
function fieldTemperature(file: ModelFile, field: readonly Example[]): number {
  const categories = MODEL_CLASSES.flatMap((name, index) => (name === VAGUE ? [] : [index]));
  return fitByGoldenSection((temperature) => {
    const scorer = new TextScorer(new LinearModel({ ...file, temperature }));
    return field.reduce((loss, example) => {
      const { probabilities } = scorer.score(example.text, example.locale);
      const top = categories.reduce((best, index) =>
        (probabilities[index] ?? 0) > (probabilities[best] ?? 0) ? index : best,
      );
      // Bounded only against log(0): a bound of 1e-6 capped a confident wrong answer at 13.8 nats, and
      // with the 5,193 texts of the second data round that made ever sharper confidences look better
      // (the fit ran to its lower end, 0.05, while the unbounded loss is lowest near 0.25).
      const confidence = Math.min(Math.max(probabilities[top] ?? 0, 1e-12), 1 - 1e-12);
      const name = MODEL_CLASSES[top];
      const right = name === example.category || name === example.also;
      return loss - Math.log(right ? confidence : 1 - confidence);
    }, 0);
  });
}

const { values: options } = parseArgs({ options: { include: { type: "string", multiple: true } } });
const sourcePaths = [TRAIN_PATH, ...(options.include ?? []).map((path) => resolve(path))];
const started = performance.now();
const labelled = sourcePaths.flatMap((path) => readExamples(path));
const examples = buildTrainingSet(labelled);
const table = buildFeatureTable(examples);
const targets = table.examples.map((example) => example.targets);
const labels = targets.map((target) => target[0]![0]);
console.log(
  `${labelled.length} labelled examples from ${sourcePaths.length} file(s), ${examples.length} with built ones, ${table.hashes.length} features`,
);

const heldOut = crossValidatedLogits(table.hashes.length, table.examples);
const cvCorrect = heldOut.filter((logits, index) => argmax(logits) === labels[index]).length;
console.log(`cross-validated accuracy ${((100 * cvCorrect) / examples.length).toFixed(1)}%`);

const model = trainSoftmax(table.hashes.length, table.examples);
const trainCorrect = table.examples.filter(
  (example, index) => argmax(logitsOf(model, example)) === labels[index],
).length;
console.log(`training accuracy ${((100 * trainCorrect) / examples.length).toFixed(1)}%`);

const file = compact(
  table.hashes,
  model,
  trainingFingerprint(examples),
  sourcePaths.map((path) => relative(REPOSITORY_ROOT, path)),
);
if (existsSync(FIELD_PATH)) {
  file.temperature = Number(fieldTemperature(file, readExamples(FIELD_PATH)).toFixed(6));
  file.calibratedOn = "field";
} else {
  file.temperature = Number(fitTemperature(heldOut, targets).toFixed(6));
}
console.log(`temperature ${file.temperature} (fitted on ${file.calibratedOn})`);
const json = `${JSON.stringify(file)}\n`;
writeFileSync(MODEL_PATH, json);
console.log(
  `wrote ${MODEL_PATH} (${(json.length / 1024).toFixed(0)} KiB, ${Buffer.byteLength(file.hashes, "base64") / 4} features) ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
