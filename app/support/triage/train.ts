/**
 * `npm run train`: trains the triage model from data/train.jsonl and writes model.json.
 * Deterministic: the same data and code give the same file. Never reads the dev set.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CATEGORY_IDS } from "../taxonomy";
import { readExamples, TRAIN_PATH } from "./dataset";
import { trainingFingerprint } from "./fingerprint";
import { MODEL_FORMAT, type ModelFile } from "./model";
import {
  buildFeatureTable,
  crossValidatedLogits,
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
function compact(hashes: Uint32Array, model: Weights, temperature: number, fingerprint: string): ModelFile {
  const classCount = CATEGORY_IDS.length;
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
    classes: [...CATEGORY_IDS],
    temperature: Number(temperature.toFixed(6)),
    bias: Array.from(model.bias, (value) => Number(value.toFixed(6))),
    weightScale,
    hashes: base64(Uint32Array.from(keptRows, (row) => hashes[row] ?? 0)),
    weights: base64(weights),
  };
}

const started = performance.now();
const examples = readExamples(TRAIN_PATH);
const table = buildFeatureTable(examples);
const labels = table.examples.map((example) => example.label);
console.log(`${examples.length} examples, ${table.hashes.length} features`);

const heldOut = crossValidatedLogits(table.hashes.length, table.examples);
const cvCorrect = heldOut.filter((logits, index) => argmax(logits) === labels[index]).length;
console.log(`cross-validated accuracy ${((100 * cvCorrect) / examples.length).toFixed(1)}%`);
const temperature = fitTemperature(heldOut, labels);

const model = trainSoftmax(table.hashes.length, table.examples);
const trainCorrect = table.examples.filter(
  (example) => argmax(logitsOf(model, example)) === example.label,
).length;
console.log(
  `training accuracy ${((100 * trainCorrect) / examples.length).toFixed(1)}%, temperature ${temperature.toFixed(3)}`,
);

const file = compact(table.hashes, model, temperature, trainingFingerprint(examples));
const json = `${JSON.stringify(file)}\n`;
writeFileSync(MODEL_PATH, json);
console.log(
  `wrote ${MODEL_PATH} (${(json.length / 1024).toFixed(0)} KiB, ${Buffer.byteLength(file.hashes, "base64") / 4} features) ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
