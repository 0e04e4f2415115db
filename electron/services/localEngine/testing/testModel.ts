import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The 1.1 MB test model, beside the repository in `../shared` (never committed). */
export const TEST_MODEL = resolve(
  import.meta.dirname,
  '../../../../../shared/fixtures/models/stories260K.gguf',
);

/** True (and says why, once per file) when the test model is not on this machine. */
export function testModelMissing(what: string): boolean {
  const missing = !existsSync(TEST_MODEL);
  if (missing) console.warn(`Skipping ${what}: the test model ${TEST_MODEL} is missing.`);
  return missing;
}
