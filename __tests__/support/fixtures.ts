import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDockerfile, type DockerfileModel } from '../../src/findings/dockerfile.js';
import { readTrace } from '../../src/trace/read.js';
import type { BuildTrace } from '../../src/trace/types.js';
import { repoRoot } from './paths.js';

/** Logs captured from real builds on the test bed (scripts/testbed/capture-logs.mjs). */
export const LOG_FORMATS = ['0.29.1-rawjson', '0.29.1-plain', '0.13.1-rawjson'] as const;

export function logPath(scenario: string, format: string): string {
  return join(repoRoot, '__fixtures__', 'logs', scenario, `${format}.log`);
}

export async function loadScenario(
  scenario: string,
  format: string,
): Promise<{ trace: BuildTrace; dockerfile: DockerfileModel }> {
  const trace = await readTrace(logPath(scenario, format));
  const text = readFileSync(join(repoRoot, '__fixtures__', 'logs', scenario, 'Dockerfile'), 'utf8');
  return { trace, dockerfile: parseDockerfile(text, 'Dockerfile') };
}
