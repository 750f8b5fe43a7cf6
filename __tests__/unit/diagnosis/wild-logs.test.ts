// Build logs that users pasted into public issues, each with a careful human verdict
// (shared/corpus/wild-logs/verdicts.jsonl, copied into __fixtures__ so a plain clone tests it), run
// through `analyze` exactly as `buildx-guard analyze --log <file>` does. Every case must agree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../../src/findings/analyze.js';
import { readTrace } from '../../../src/trace/read.js';
import { repoRoot } from '../../support/paths.js';

interface Verdict {
  id: string;
  source: string;
  log: string;
  status: string;
  category: string;
  retryable: boolean;
  line?: number;
}

const dir = join(repoRoot, '__fixtures__', 'corpus', 'wild-logs');
const shared = join(repoRoot, '..', 'shared', 'corpus', 'wild-logs');
const verdicts: Verdict[] = readFileSync(join(dir, 'verdicts.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

const results = new Map<string, Analysis>();
beforeAll(async () => {
  for (const v of verdicts) results.set(v.id, analyze({ trace: await readTrace(join(dir, v.log)) }));
});

test('the copy matches the shared corpus, where it is beside the repo', () => {
  if (existsSync(shared)) {
    for (const f of readdirSync(shared)) {
      expect(readFileSync(join(dir, f), 'utf8')).toBe(readFileSync(join(shared, f), 'utf8'));
    }
  }
  expect(verdicts.length).toBeGreaterThanOrEqual(17);
});

test.each(verdicts.map((v) => [`${v.id} (${v.source})`, v] as const))('%s', (_name, v) => {
  const a = results.get(v.id)!;
  expect({
    status: a.status,
    category: a.failure?.category,
    retryable: a.failure?.retryable,
  }).toEqual({ status: v.status, category: v.category, retryable: v.retryable });
  if (v.line !== undefined) expect(a.failure?.line).toBe(v.line);
});

afterAll(() => {
  // The agreement table (also published in docs/findings.md).
  const rows = verdicts.map((v) => {
    const a = results.get(v.id);
    const ok = (x: boolean) => (x ? 'ok' : 'MISS');
    return [
      v.id,
      ok(a?.status === v.status),
      ok(a?.failure?.category === v.category),
      ok(a?.failure?.retryable === v.retryable),
      v.line === undefined ? '-' : ok(a?.failure?.line === v.line),
    ].join('  ');
  });
  const agree = (f: (v: Verdict, a: Analysis) => boolean) =>
    verdicts.filter((v) => results.has(v.id) && f(v, results.get(v.id)!)).length;
  const withLine = verdicts.filter((v) => v.line !== undefined);
  process.stdout.write(
    [
      'wild-logs: id  status  category  retryable  line',
      ...rows,
      `status ${agree((v, a) => a.status === v.status)}/${verdicts.length}, category ${agree((v, a) => a.failure?.category === v.category)}/${verdicts.length}, retryable ${agree((v, a) => a.failure?.retryable === v.retryable)}/${verdicts.length}, line ${agree((v, a) => v.line !== undefined && a.failure?.line === v.line)}/${withLine.length}`,
      '',
    ].join('\n'),
  );
});
