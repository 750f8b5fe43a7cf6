// Stops the engines only when global setup started them (a developer's running engine stays up).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export default async function globalTeardown(): Promise<void> {
  if (!(globalThis as Record<string, unknown>).__bxgStopEngine) return;
  execFileSync('bash', [join(repoRoot, 'scripts', 'engine.sh'), 'stop'], {
    stdio: 'inherit',
  });
}
