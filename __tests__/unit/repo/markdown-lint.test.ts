// Safe Markdown, once: the report's Markdown is of type `Md`, which only
// src/findings/markdown-escape.ts makes. `gfm` takes `Md` values and numbers only (a plain string
// does not type-check), and ESLint refuses every cast to `Md` elsewhere, so no code path can put a
// pull request's text into Markdown unescaped.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';

const eslint = new ESLint({ cwd: repoRoot });
async function refused(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const prelude = "import type { Md } from '../findings/markdown-escape.js';\ndeclare const step: string;\n";

test.each([
  ['src/report/probe.ts', 'export const m = step as Md;'],
  ['src/report/probe.ts', 'export const m = <Md>step;'],
  ['src/report/probe.ts', 'export const m = `#### ${step}` as unknown as Md;'],
  ['src/github/probe.ts', 'export const m = step satisfies Md;'],
  ['src/joblog.ts', 'export const m = step as Md;'],
  ['src/redact/probe.ts', 'export const m = step as Md;'],
  ['src/commands/probe.ts', 'export const m = [step] as Md[];'],
])('%s may not make Md itself: %s', async (file, code) => {
  const messages = await refused(file, `${prelude}${code}\n`);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toContain('only src/findings/markdown-escape.ts makes Md');
});

test('markdown-escape.ts itself may (its one trusted() cast)', async () => {
  expect(
    await refused('src/findings/markdown-escape.ts', `${prelude}export const m = step as Md;\n`),
  ).toEqual([]);
});
