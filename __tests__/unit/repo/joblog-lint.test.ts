// One way to the job log (src/joblog.ts), enforced by ESLint: every other way to print from src/ —
// @actions/core, process.stdout/stderr, console, the process module, file descriptors 1 and 2 — is
// refused, so a new code path cannot print a pull request's text around the neutralising writer.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';

const eslint = new ESLint({ cwd: repoRoot });
const RULES = new Set(['no-restricted-syntax', 'no-restricted-properties', 'no-restricted-globals']);
async function refused(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return r.messages.filter((m) => m.ruleId && RULES.has(m.ruleId)).map((m) => m.message);
}

test.each([
  ['src/attempts/probe.ts', "import * as core from '@actions/core';\ncore.info(`while ${step} runs`);"],
  ['src/action.ts', "import * as core from '@actions/core';\ncore.info(`Bake targets: ${step}`);"],
  ['src/report/probe.ts', "import { info } from '@actions/core';\ninfo(step);"],
  ['src/commands/probe.ts', "export { info } from '@actions/core';"],
  ['src/merge/probe.ts', "const core = await import('@actions/core');\ncore.info(step);"],
  ['src/attempts/probe.ts', 'process.stdout.write(`${step}\\n`);'],
  ['src/cli.ts', 'process.stderr.write(`${step}\\n`);'],
  ['src/builder/probe.ts', 'const { stdout } = process;\nstdout.write(step);'],
  ['src/builder/probe.ts', 'globalThis.process.stdout.write(step);'],
  ['src/attempts/probe.ts', 'console.log(step);'],
  ['src/attempts/probe.ts', "import { stdout } from 'node:process';\nstdout.write(step);"],
  ['src/attempts/probe.ts', "import { writeSync } from 'node:fs';\nwriteSync(1, step);"],
  [
    'src/buildx/probe.ts',
    "import { spawn } from 'node:child_process';\nspawn('docker', [step], { stdio: 'inherit' });",
  ],
  [
    'src/buildx/probe.ts',
    "import { spawn } from 'node:child_process';\nspawn('docker', [step], { stdio: ['pipe', 1, 'pipe'] });",
  ],
  ['src/attempts/probe.ts', "import { writeFileSync } from 'node:fs';\nwriteFileSync('/dev/stderr', step);"],
])('%s may not print itself: %s', async (file, code) => {
  const messages = await refused(file, `declare const step: string;\n${code}\nexport const x = 1;\n`);
  expect(messages.length).toBeGreaterThanOrEqual(1);
  expect(messages[0]).toContain('src/joblog.ts');
});

test.each([
  ['src/attempts/probe.ts', "import { jobLog } from '../joblog.js';\njobLog.info(`while ${step} runs`);"],
  ['src/commands/probe.ts', "import { terminal } from '../joblog.js';\nterminal.err(step);"],
  ['src/commands/probe.ts', 'for await (const c of process.stdin) void c;'],
  [
    'src/buildx/probe.ts',
    "import { spawn } from 'node:child_process';\nspawn('docker', [step], { stdio: ['pipe', 'pipe', 'pipe'] });",
  ],
  ['src/joblog.ts', 'process.stdout.write(step);'],
])('%s may: %s', async (file, code) => {
  expect(await refused(file, `declare const step: string;\n${code}\nexport const x = 1;\n`)).toEqual([]);
});
