import { createHash } from "node:crypto";
import type { Example } from "./dataset";
import { extractFeatures, FEATURE_CONFIG } from "./features";
import { MODEL_CLASSES } from "./model";
import { TRAINING_CONFIG } from "./training";

/**
 * Identifies what a model was trained from: the categories, the settings, and the features extracted
 * from every training example with their labels. Hashing the features rather than the source files
 * means any change to the data or to feature extraction (tokenising, negation, n-grams) makes the
 * checked-in model stale, while reformatting the code does not.
 */
export function trainingFingerprint(examples: readonly Example[]): string {
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify({ categories: MODEL_CLASSES, features: FEATURE_CONFIG, training: TRAINING_CONFIG }),
  );
  for (const example of examples) {
    const vector = extractFeatures(example.text, example.locale);
    hash.update(`\n${example.category ?? "null"} ${example.also ?? ""}\n`);
    hash.update(new Uint8Array(Uint32Array.from(vector.hashes).buffer));
    hash.update(new Uint8Array(Float64Array.from(vector.values).buffer));
  }
  return hash.digest("hex");
}
