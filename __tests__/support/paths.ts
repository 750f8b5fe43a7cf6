import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (jest 29's ESM mode has no import.meta.dirname). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
