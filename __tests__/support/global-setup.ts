// Starts the test bed's engines once for the e2e project. Failing to start fails the whole run
// loudly: an e2e suite that cannot reach BuildKit must never pass by skipping.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Global setup runs outside jest's module mapping: no relative .js imports here.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const repo = repoRoot;
export const DAEMONS = 2;

export default async function globalSetup(): Promise<void> {
  const engine = join(repo, 'scripts', 'engine.sh');
  const before = execFileSync('bash', [engine, 'status'], { encoding: 'utf8' });
  const wasRunning = before.split('\n').filter((l) => / running /.test(l)).length >= DAEMONS;
  try {
    execFileSync('bash', [engine, 'start', String(DAEMONS)], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    throw new Error(
      'The test bed engine did not start (see the output above); e2e tests cannot run without it.',
    );
  }
  const env = execFileSync('bash', [engine, 'env'], { encoding: 'utf8' });
  for (const m of env.matchAll(/^export (\w+)="(.*)"$/gm)) {
    process.env[m[1]] = m[2].replace('$PATH', process.env.PATH ?? '');
  }
  (globalThis as Record<string, unknown>).__bxgStopEngine =
    !wasRunning && process.env.BUILDX_GUARD_KEEP_ENGINE !== '1';
  readFileSync(join(repo, 'dist', 'index.js')); // the e2e tests run the committed bundle
}
