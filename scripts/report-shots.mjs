#!/usr/bin/env node
// Regenerates docs/report/*.png: the canonical reports (__tests__/support/report-cases.ts) as GitHub
// renders them, by the render test itself (cmark-gfm, Chromium, Mermaid), so the pictures in
// docs/report.md are what the test checked.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--selectProjects',
    'unit',
    '__tests__/unit/report/render.test.ts',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
      REPORT_SHOTS: join(root, 'docs', 'report'),
    },
  },
);
process.exit(r.status ?? 1);
