/**
 * Once per vitest run, before any test worker starts: the offline consultant's intent model is trained (or found) in
 * its model cache (`modelCacheDir()`: node_modules/.cache/ordershield, or NLU_MODEL_CACHE_DIR). On a fresh clone the
 * cache is empty; without this step every worker and every server process a test spawns that starts before the first
 * one has written the model trains its own copy. With `NLU_MODEL_CACHE_DIR=off` nothing is cached, so nothing is done.
 */
import { modelCacheDir, sharedClassifier } from "../../agent/models/offline/nlu/classifier.ts";

export default async function setup(): Promise<void> {
  if (modelCacheDir()) await sharedClassifier();
}
