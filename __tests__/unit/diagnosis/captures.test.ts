// Logs captured from real builds on the test bed (scripts/testbed/capture.mjs logs|diagnosis), each
// format buildx writes, with the verdict `analyze` must reach on it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/findings/analyze.js';
import { readTrace } from '../../../src/trace/read.js';
import { repoRoot } from '../../support/paths.js';

interface Verdict {
  status: 'success' | 'failed';
  category?: string;
  retryable?: boolean;
  file?: string;
  line?: number;
}

const VERDICTS: Record<string, Verdict> = {
  'failing-run': { status: 'failed', category: 'step', retryable: false, file: 'Dockerfile', line: 11 },
  'missing-copy': { status: 'failed', category: 'missing-file', retryable: false },
  'exec-format': { status: 'failed', category: 'platform', retryable: false },
  transport: { status: 'failed', category: 'transport', retryable: true },
  // The GOAWAY on one node of a two-platform build (npm run demo): the other platform's RUN ends
  // `exit code: 137: context canceled`, a consequence; buildx's own error is the failure.
  'transport-two-platforms': { status: 'failed', category: 'transport', retryable: true },
  'cache-break': { status: 'success' },
  'two-node': { status: 'success' },
  'cache-break-two-node': { status: 'success' },
  lint: { status: 'success' },
  'large-context': { status: 'success' },
  // A build check that fails the build: the line of the first rule the error names (FromAsCasing).
  'lint-error': { status: 'failed', category: 'dockerfile', retryable: false, line: 2 },
  // `--call=check` found warnings: buildx exits 1.
  'call-check': { status: 'failed', category: 'dockerfile', retryable: false },
  // BuildKit prints `#N ERROR: failed to configure registry cache importer` and builds on: exit 0.
  'cache-import-missing': { status: 'success' },
  'cache-export-fail': { status: 'failed', category: 'cache-export', retryable: true },
  'bake-failing': { status: 'failed', category: 'step', retryable: false, file: 'test.Dockerfile', line: 4 },
  // `imagetools create` into two repositories: the registry refused an index whose manifests were
  // being copied at the same moment (capture.mjs merge-race). A retry of the merge succeeds.
  'merge-manifest-race': { status: 'failed', category: 'registry', retryable: true },
};

/** Captures whose verdict differs from their scenario's. */
const BY_FILE: Record<string, Verdict> = {
  // buildx 0.13.1 rode out the injected GOAWAY: the step completed and buildx exited 0.
  'transport/0.13.1-rawjson.log': { status: 'success' },
};

const logs = join(repoRoot, '__fixtures__', 'logs');
const cases = readdirSync(logs).flatMap((scenario) =>
  readdirSync(join(logs, scenario))
    .filter((f) => f.endsWith('.log'))
    .map((f) => [`${scenario}/${f}`, scenario, f] as const),
);

test('every captured scenario has a verdict', () => {
  expect(new Set(cases.map(([, s]) => s))).toEqual(new Set(Object.keys(VERDICTS)));
});

test.each(cases)('%s', async (_name, scenario, file) => {
  const v = BY_FILE[`${scenario}/${file}`] ?? VERDICTS[scenario];
  const a = analyze({ trace: await readTrace(join(logs, scenario, file)) });
  expect(a.status).toBe(v.status);
  if (v.status === 'success') {
    expect(a.failure).toBeNull();
    return;
  }
  expect(a.failure).toMatchObject({ category: v.category, retryable: v.retryable });
  if (v.line) expect(a.failure).toMatchObject({ line: v.line, ...(v.file ? { file: v.file } : {}) });
});

test('a cache export failure carries the ignore-error remedy', async () => {
  const a = analyze({ trace: await readTrace(join(logs, 'cache-export-fail', '0.29.1-plain.log')) });
  expect(a.findings.find((f) => f.rule === 'build-failed')?.hint).toContain('ignore-error=true');
});

test('bake: the failing target is named', async () => {
  const trace = await readTrace(join(logs, 'bake-failing', '0.29.1-plain.log'));
  expect(trace.errorTarget).toBe('test');
});

test.each(['call-check/0.29.1-plain', 'lint-error/0.29.1-plain', 'lint-error/0.29.1-rawjson'])(
  'two different build checks on one line are two findings: %s',
  async (name) => {
    const a = analyze({ trace: await readTrace(join(logs, `${name}.log`)) });
    const secrets = a.findings.filter((f) => f.rule === 'lint/SecretsUsedInArgOrEnv');
    expect(secrets.map((f) => f.title).sort()).toEqual([
      expect.stringContaining('API_PASSWORD'),
      expect.stringContaining('API_TOKEN'),
    ]);
    expect(new Set(secrets.map((f) => f.line)).size).toBe(1);
  },
);
