import { CATEGORY_IDS, isCategoryId, type CategoryId } from "../taxonomy";

/**
 * The model's own class for texts that name no problem at all ("help", "it doesn't work", "asdf"). It is
 * never an answer: it only takes probability away from the categories, so such texts are flagged
 * low-confidence instead of being routed on the model's priors.
 */
export const VAGUE = "vague";
export type ModelClass = CategoryId | typeof VAGUE;
export const MODEL_CLASSES: readonly ModelClass[] = [...CATEGORY_IDS, VAGUE];

/**
 * The checked-in model: a linear classifier over hashed features. Arrays are stored as base64 of
 * little-endian typed arrays to keep the file small; weights are 16-bit integers times `weightScale`.
 */
export interface ModelFile {
  format: 2;
  /** Hash of the training examples' features and the training settings; see fingerprint.ts. */
  fingerprint: string;
  /** Data files trained on, relative to the repository root (data/train.jsonl plus any `--include`). */
  sources: string[];
  /** Where the temperature was fitted: "cross-validation" on the training data, or "field" (the field set). */
  calibratedOn: "cross-validation" | "field";
  classes: string[];
  /** Logits are divided by this before the softmax; fitted on held-out folds so confidences are calibrated. */
  temperature: number;
  bias: number[];
  weightScale: number;
  /** Uint32 feature hashes, one per row. */
  hashes: string;
  /**
   * Int16 weights, row-major: one row per feature, one column per class. Each row is centred (sums to
   * zero), which leaves the probabilities unchanged and makes a weight read as "for this class, against the others".
   */
  weights: string;
}

export const MODEL_FORMAT = 2;

function decodeBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes.buffer;
}

export class LinearModel {
  readonly classes: readonly ModelClass[];
  readonly temperature: number;
  readonly bias: Float64Array;
  private readonly hashes: Uint32Array;
  /** Row-major, `classes.length` weights per feature. */
  readonly weights: Float32Array;
  /**
   * Open-addressing table of [hash, row + 1] pairs (row + 1 = 0: empty). Keeping both in one array means
   * one memory access per lookup, which matters with thousands of lookups per long text.
   */
  private readonly slots: Int32Array;
  private readonly slotMask: number;

  constructor(file: ModelFile) {
    if (file.format !== MODEL_FORMAT)
      throw new Error(`Unsupported triage model format ${String(file.format)}`);
    this.classes = file.classes.map((name) => {
      if (!isCategoryId(name) && name !== VAGUE)
        throw new Error(`Triage model has unknown category "${name}": retrain it`);
      return name;
    });
    this.temperature = file.temperature;
    this.bias = Float64Array.from(file.bias);
    this.hashes = new Uint32Array(decodeBase64(file.hashes));
    // A plain loop: Float32Array.from with a mapping callback is several times slower on 400,000 weights.
    const stored = new Int16Array(decodeBase64(file.weights));
    this.weights = new Float32Array(stored.length);
    for (let index = 0; index < stored.length; index++)
      this.weights[index] = stored[index]! * file.weightScale;
    if (this.weights.length !== this.hashes.length * this.classes.length) {
      throw new Error("Triage model weights do not match its features");
    }

    let size = 1;
    while (size < this.hashes.length * 2) size *= 2;
    this.slots = new Int32Array(2 * size);
    this.slotMask = size - 1;
    this.hashes.forEach((hash, row) => {
      let slot = hash & this.slotMask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.slotMask;
      this.slots[2 * slot] = hash | 0;
      this.slots[2 * slot + 1] = row + 1;
    });
  }

  get featureCount(): number {
    return this.hashes.length;
  }

  /** Row of a feature hash, or -1 when the model has no weight for it. */
  rowOf(hash: number): number {
    const signed = hash | 0;
    let slot = hash & this.slotMask;
    for (;;) {
      const entry = this.slots[2 * slot + 1]!;
      if (entry === 0) return -1;
      if (this.slots[2 * slot] === signed) return entry - 1;
      slot = (slot + 1) & this.slotMask;
    }
  }
}
