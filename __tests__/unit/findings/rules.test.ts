// The rules that read failures and attempts, on real error texts from the shared corpus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/findings/analyze.js';
import { classify } from '../../../src/diagnosis/classify.js';
import { parseTrace } from '../../../src/trace/parser.js';
import { findings } from '../../../src/findings/index.js';
import { DEFAULT_OPTIONS } from '../../../src/findings/types.js';
import { loadScenario } from '../../support/fixtures.js';
import { repoRoot } from '../../support/paths.js';

const corpus = new Map(
  readFileSync(join(repoRoot, '__fixtures__', 'corpus', 'buildx-errors.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string })
    .map((c) => [c.id, c.text]),
);

/** A trace whose log ends with the corpus text, as buildx would print it. */
function failedWith(id: string) {
  const text = corpus.get(id)!;
  const lines = text.startsWith('ERROR: ') || text.includes('\n') ? text : `ERROR: ${text}`;
  return parseTrace(lines);
}

const rules = (a: ReturnType<typeof analyze>) => a.findings.map((f) => `${f.severity} ${f.rule}`);

test('known-crash: the OpenTelemetry clientTracer.end panic, with the buildx release that fixed it', () => {
  const trace = failedWith('pub-11');
  const a = analyze({
    trace,
    attempts: [
      { number: 1, classification: classify(corpus.get('pub-11')!), errorText: corpus.get('pub-11') },
    ],
  });
  const f = a.findings.find((x) => x.rule === 'known-crash')!;
  expect(f).toMatchObject({ severity: 'error', title: 'Known crash: otel-clienttracer' });
  expect(f.hint).toMatch(/buildx to 0\.13 or later/);
});

test('known-crash: the CDI fsnotify panic, with the BuildKit release and the limits to raise', () => {
  const a = analyze({
    trace: failedWith('pub-12'),
    attempts: [{ number: 1, errorText: corpus.get('pub-12') }],
  });
  expect(a.findings.find((x) => x.rule === 'known-crash')!.hint).toMatch(
    /BuildKit to 0\.20\.1 or later, or raise the open-file limit/,
  );
});

test('registry-rate-limit: an error when a 429 failed the build', () => {
  const a = analyze({ trace: failedWith('pub-06') });
  expect(a.failure?.category).toBe('registry');
  expect(rules(a)).toContain('error registry-rate-limit');
});

test('registry-auth: a 403 from the token endpoint', () => {
  const a = analyze({ trace: failedWith('pub-21') });
  expect(a.failure?.category).toBe('auth');
  expect(rules(a)).toContain('error registry-auth');
});

test('transient-failure: a notice when a retried transport failure was followed by success', () => {
  const ok = parseTrace(
    '{"vertexes":[{"digest":"sha256:a","name":"[1/1] RUN true","started":"2026-01-01T00:00:00Z","completed":"2026-01-01T00:00:01Z"}]}',
  );
  const c = classify(corpus.get('pub-01')!);
  const a = analyze({
    trace: ok,
    attempts: [
      { number: 1, classification: c, decision: 'retried after 3.1 s: transport: lost' },
      { number: 2 },
    ],
  });
  expect(a.status).toBe('success');
  const f = a.findings.find((x) => x.rule === 'transient-failure')!;
  expect(f).toMatchObject({ severity: 'notice', title: '1 transient failure, succeeded on attempt 2' });
  expect(f.message).toContain('attempt 1: `transport`');
});

test('node-unavailable: one error per node that did not boot, with its hint', () => {
  const empty = parseTrace('');
  const a = analyze({
    trace: empty,
    nodes: [
      {
        name: 'arm64',
        endpoint: 'tcp://10.0.0.2:1234',
        driver: 'remote',
        status: 'inactive',
        reason: 'context deadline exceeded (tcp 10.0.0.2:1234: connection refused)',
        hint: 'the endpoint is unreachable',
      },
    ],
  });
  expect(a.findings).toEqual([
    expect.objectContaining({
      rule: 'node-unavailable',
      severity: 'error',
      title: 'Node arm64 is not running (inactive)',
      hint: 'the endpoint is unreachable',
    }),
  ]);
});

test('cache-invalidated after a retry judges the first attempt (the second sees its rebuilt steps as cached)', async () => {
  const { trace: first, dockerfile } = await loadScenario('cache-break', '0.29.1-rawjson');
  // What attempt 2 would see: the real break (COPY . /app) and the install are cached now; only a
  // later step ran again.
  const steps = first.steps.filter((s) => !s.internal);
  const last = steps[steps.length - 1];
  const second = {
    ...first,
    steps: first.steps.map((s) => ({ ...s, cached: s.internal ? s.cached : s !== last })),
  };
  const judge = (extra: object) =>
    findings({
      trace: second,
      dockerfile,
      attempts: [],
      nodes: [],
      host: [],
      options: DEFAULT_OPTIONS,
      ...extra,
    }).find((f) => f.rule === 'cache-invalidated');
  expect(judge({ firstTrace: first })?.title).toBe('Cache invalidated at [stage-1] COPY . /app');
  expect(judge({})?.title).not.toBe('Cache invalidated at [stage-1] COPY . /app');
});

test('cache-invalidated: a step cancelled by another platform’s failure is not a cache break', async () => {
  const { trace, dockerfile } = await loadScenario('cache-break', '0.29.1-rawjson');
  const user = trace.steps.filter((s) => !s.internal);
  const copy = user.findIndex((s) => s.instruction?.startsWith('COPY . /app'));
  // Everything before the COPY cached; the COPY and after cancelled (no error of their own).
  const cancelled = {
    ...trace,
    steps: trace.steps.map((s) => {
      const i = user.indexOf(s);
      return i < 0
        ? s
        : i < copy
          ? { ...s, cached: true }
          : { ...s, cached: false, canceled: true, error: undefined };
    }),
  };
  const list = findings({
    trace: cancelled,
    dockerfile,
    attempts: [],
    nodes: [],
    host: [],
    options: DEFAULT_OPTIONS,
  });
  expect(list.filter((f) => f.rule === 'cache-invalidated')).toEqual([]);
});
