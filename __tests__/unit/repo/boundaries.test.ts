// The pipeline's order is enforced by ESLint (eslint.config.js, docs/architecture.md): the rule
// catches a forbidden import, and lets the allowed ones through.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';

const eslint = new ESLint({ cwd: repoRoot });
async function restricted(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test.each([
  ['src/trace/probe.ts', "import { renderMarkdown } from '../report/markdown.js';"],
  ['src/trace/probe.ts', "import { classify } from '../diagnosis/classify.js';"],
  ['src/findings/rules/probe.ts', "import { GitHub } from '../../github/github.js';"],
  ['src/findings/probe.ts', "import { probeNodes } from '../builder/bootstrap.js';"],
  ['src/findings/probe.ts', "import { Buildx } from '../buildx/buildx.js';"],
  ['src/findings/probe.ts', "import { compare } from '../baseline/baseline.js';"],
  ['src/findings/probe.ts', "import * as core from '@actions/core';"],
  ['src/diagnosis/probe.ts', "import { parseTrace } from '../trace/parser.js';"],
  ['src/config/probe.ts', "import { runBuild } from '../attempts/run.js';"],
  ['src/report/probe.ts', "import { Buildx } from '../buildx/buildx.js';"],
])('%s may not: %s', async (file, line) => {
  expect(await restricted(file, `${line}\nexport const x = 1;\n`)).toHaveLength(1);
});

test.each([
  [
    'src/findings/rules/probe.ts',
    "import type { Step } from '../../trace/types.js';\nimport { errorPattern } from '../../diagnosis/patterns.js';",
  ],
  ['src/findings/probe.ts', "import type { FailedNode } from '../types/builder.js';"],
  ['src/report/probe.ts', "import { analyze } from '../findings/analyze.js';"],
])('%s may: %s', async (file, lines) => {
  expect(await restricted(file, `${lines}\nexport const x = 1;\n`)).toEqual([]);
});
