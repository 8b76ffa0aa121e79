import type { Example } from "./dataset";
import { extractFeatures } from "./features";
import { MODEL_CLASSES, VAGUE } from "./model";

/** Settings of `npm run train`; part of the model fingerprint. Chosen by cross-validation on the training set. */
export const TRAINING_CONFIG = {
  /** L2 penalty on the weights (per example, averaged loss). */
  l2: 1e-5,
  iterations: 150,
  learningRate: 0.3,
  /** Features seen in fewer training examples are dropped: they are mostly one-off typos and noise. */
  minDocumentFrequency: 2,
  /** Folds used to fit the confidence temperature on predictions for examples a model did not see. */
  folds: 5,
  /** Weights smaller than this (in absolute value, for every class) are pruned from the model file. */
  pruneBelow: 0.02,
  /**
   * A text with two problems is learnt as both: this share for its main category, the rest for `also`,
   * so both score high on such texts and the main one still comes first.
   */
  mainShare: 0.6,
} as const;

/** A training example as sparse columns of the model's feature table. */
export interface SparseExample {
  columns: Int32Array;
  values: Float64Array;
  /** Target probability per class index in MODEL_CLASSES (one class, or two for a two-problem text). */
  targets: readonly (readonly [classIndex: number, probability: number])[];
}

/** The classes an example is learnt as: its category, `also` beside it, or the model's vague class. */
export function targetsOf(example: Example): SparseExample["targets"] {
  const main = MODEL_CLASSES.indexOf(example.category ?? VAGUE);
  if (!example.also) return [[main, 1]];
  const { mainShare } = TRAINING_CONFIG;
  return [
    [main, mainShare],
    [MODEL_CLASSES.indexOf(example.also), 1 - mainShare],
  ];
}

export interface FeatureTable {
  hashes: Uint32Array;
  examples: SparseExample[];
}

/** Extracts features and keeps those seen in enough examples; duplicate features of an example are summed. */
export function buildFeatureTable(examples: readonly Example[]): FeatureTable {
  const perExample = examples.map((example) => {
    const vector = extractFeatures(example.text, example.locale);
    const summed = new Map<number, number>();
    vector.hashes.forEach((hash, index) =>
      summed.set(hash, (summed.get(hash) ?? 0) + (vector.values[index] ?? 0)),
    );
    return summed;
  });
  const documentFrequency = new Map<number, number>();
  for (const summed of perExample) {
    for (const hash of summed.keys()) documentFrequency.set(hash, (documentFrequency.get(hash) ?? 0) + 1);
  }
  const kept = [...documentFrequency.entries()]
    .filter(([, count]) => count >= TRAINING_CONFIG.minDocumentFrequency)
    .map(([hash]) => hash)
    .sort((a, b) => a - b);
  const columnOf = new Map(kept.map((hash, column) => [hash, column]));

  return {
    hashes: Uint32Array.from(kept),
    examples: perExample.map((summed, index) => {
      const entries = [...summed.entries()].filter(([hash]) => columnOf.has(hash));
      return {
        columns: Int32Array.from(entries, ([hash]) => columnOf.get(hash) ?? 0),
        values: Float64Array.from(entries, ([, value]) => value),
        targets: targetsOf(examples[index]!),
      };
    }),
  };
}

export interface Weights {
  /** featureCount × classCount, row-major. */
  weights: Float64Array;
  bias: Float64Array;
}

const CLASS_COUNT = MODEL_CLASSES.length;

export function logitsOf(model: Weights, example: SparseExample): Float64Array {
  const logits = Float64Array.from(model.bias);
  example.columns.forEach((column, index) => {
    const value = example.values[index] ?? 0;
    const row = column * CLASS_COUNT;
    for (let c = 0; c < CLASS_COUNT; c++) logits[c]! += value * (model.weights[row + c] ?? 0);
  });
  return logits;
}

export function softmaxInPlace(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < logits.length; c++) max = Math.max(max, logits[c]!);
  let total = 0;
  for (let c = 0; c < logits.length; c++) {
    logits[c] = Math.exp(logits[c]! - max);
    total += logits[c]!;
  }
  for (let c = 0; c < logits.length; c++) logits[c]! /= total;
  return logits;
}

/**
 * Multinomial logistic regression with L2, full-batch Adam: deterministic (no sampling), and fast
 * enough for a few thousand examples.
 */
export function trainSoftmax(featureCount: number, examples: readonly SparseExample[]): Weights {
  const { l2, iterations, learningRate } = TRAINING_CONFIG;
  const size = featureCount * CLASS_COUNT + CLASS_COUNT;
  const parameters = new Float64Array(size);
  const gradient = new Float64Array(size);
  const firstMoment = new Float64Array(size);
  const secondMoment = new Float64Array(size);
  const biasOffset = featureCount * CLASS_COUNT;
  const model: Weights = {
    weights: parameters.subarray(0, biasOffset),
    bias: parameters.subarray(biasOffset),
  };
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  const probabilities = new Float64Array(CLASS_COUNT);

  for (let step = 1; step <= iterations; step++) {
    gradient.fill(0);
    for (const { columns, values, targets } of examples) {
      for (let c = 0; c < CLASS_COUNT; c++) probabilities[c] = parameters[biasOffset + c]!;
      for (let index = 0; index < columns.length; index++) {
        const row = columns[index]! * CLASS_COUNT;
        const value = values[index]!;
        for (let c = 0; c < CLASS_COUNT; c++) probabilities[c]! += value * parameters[row + c]!;
      }
      softmaxInPlace(probabilities);
      for (const [index, probability] of targets) probabilities[index]! -= probability;
      for (let index = 0; index < columns.length; index++) {
        const row = columns[index]! * CLASS_COUNT;
        const value = values[index]!;
        for (let c = 0; c < CLASS_COUNT; c++) gradient[row + c]! += value * probabilities[c]!;
      }
      for (let c = 0; c < CLASS_COUNT; c++) gradient[biasOffset + c]! += probabilities[c]!;
    }
    // Linear decay to a tenth of the rate lets the last steps settle instead of oscillating.
    const rate = learningRate * (1 - (0.9 * (step - 1)) / iterations);
    const firstCorrection = 1 - beta1 ** step;
    const secondCorrection = 1 - beta2 ** step;
    for (let index = 0; index < size; index++) {
      const penalty = index < biasOffset ? l2 * parameters[index]! : 0;
      const g = gradient[index]! / examples.length + penalty;
      const m = (firstMoment[index] = beta1 * firstMoment[index]! + (1 - beta1) * g);
      const v = (secondMoment[index] = beta2 * secondMoment[index]! + (1 - beta2) * g * g);
      parameters[index]! -= (rate * (m / firstCorrection)) / (Math.sqrt(v / secondCorrection) + epsilon);
    }
  }
  return model;
}

/** Out-of-fold logits: each example scored by a model trained without its fold. */
export function crossValidatedLogits(
  featureCount: number,
  examples: readonly SparseExample[],
): Float64Array[] {
  const { folds } = TRAINING_CONFIG;
  const logits: Float64Array[] = new Array(examples.length);
  for (let fold = 0; fold < folds; fold++) {
    const model = trainSoftmax(
      featureCount,
      examples.filter((_, index) => index % folds !== fold),
    );
    examples.forEach((example, index) => {
      if (index % folds === fold) logits[index] = logitsOf(model, example);
    });
  }
  return logits;
}

/** Temperature minimising the log loss of held-out predictions, so confidence means probability. */
export function fitTemperature(
  logits: readonly Float64Array[],
  targets: readonly SparseExample["targets"][],
): number {
  return fitByGoldenSection((temperature) =>
    logits.reduce((loss, row, index) => {
      const probabilities = softmaxInPlace(row.map((value) => value / temperature));
      let example = 0;
      for (const [classIndex, probability] of targets[index] ?? [])
        example -= probability * Math.log(Math.max(probabilities[classIndex] ?? 0, 1e-12));
      return loss + example;
    }, 0),
  );
}

/** The temperature in [0.05, 20] minimising `loss`, which must be unimodal in it. */
export function fitByGoldenSection(loss: (temperature: number) => number): number {
  let [low, high] = [0.05, 20];
  // Golden-section search on log scale; the loss is unimodal in the temperature.
  const ratio = (Math.sqrt(5) - 1) / 2;
  // 30 steps narrow [0.05, 20] to within 0.01% on a log scale.
  for (let step = 0; step < 30; step++) {
    const a = Math.exp(Math.log(high) - ratio * (Math.log(high) - Math.log(low)));
    const b = Math.exp(Math.log(low) + ratio * (Math.log(high) - Math.log(low)));
    if (loss(a) < loss(b)) high = b;
    else low = a;
  }
  return Math.sqrt(low * high);
}
