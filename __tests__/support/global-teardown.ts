// Stops the engines only when global setup started them (a developer's running engine stays up).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Global setup runs outside jest's module mapping: no relative .js imports here.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default async function globalTeardown(): Promise<void> {
  if (!(globalThis as Record<string, unknown>).__bxgStopEngine) return;
  execFileSync('bash', [join(repoRoot, 'scripts', 'engine.sh'), 'stop'], {
    stdio: 'inherit',
  });
}
