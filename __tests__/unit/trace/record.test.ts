// The build record parser (src/trace/record.ts) on records captured from the test bed with
// `docker buildx history inspect <ref> --format json` (buildx 0.29.1), beside the same builds' logs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify } from '../../../src/diagnosis/classify.js';
import { analyze } from '../../../src/findings/analyze.js';
import { parseTrace } from '../../../src/trace/parser.js';
import { failingStep, failureText } from '../../../src/trace/query.js';
import {
  clippedLimit,
  MAX_RECORD_CHARS,
  parseRecord,
  readSources,
  withRecord,
} from '../../../src/trace/record.js';
import { repoRoot } from '../../support/paths.js';

const fixture = (name: string) => readFileSync(join(repoRoot, '__fixtures__', 'buildx', name), 'utf8');
const record = (name: string) => parseRecord(fixture(`record-${name}.json`))!;

test.each([
  [
    'run',
    '[3/3] RUN echo hello && echo to-stderr >&2 && exit 3',
    /did not complete successfully: exit code: 3$/,
    4,
    ['hello', 'to-stderr'],
    { total: 6, completed: 6, cached: 2 },
  ],
  [
    'copy',
    '[2/2] COPY missing.txt /x',
    /^failed to compute cache key: .*"\/missing\.txt": not found$/,
    3,
    [],
    { total: 5, completed: 5, cached: 1 },
  ],
  [
    'parse',
    undefined,
    /^dockerfile parse error on line 3: unknown instruction: RUNN/,
    3,
    [],
    { total: 1, completed: 1, cached: 0 },
  ],
])(
  'record-%s: the error, its vertex, its last lines, its Dockerfile line, the step counts',
  (name, vertex, message, line, logs, steps) => {
    const r = record(name);
    expect(r.status).toBe('failed');
    expect(r.error!.vertex).toBe(vertex);
    expect(r.error!.message).toMatch(message);
    expect(r.error!.logs).toEqual(logs);
    expect(r.error!.source).toMatchObject({ file: 'Dockerfile', line });
    expect(r.error!.source!.lines.some((l) => l.includes(`${line} | >>>`))).toBe(true);
    expect(r.steps).toEqual(steps);
    // The stack (Go traces with the daemon's command line) is never carried.
    expect(JSON.stringify(r)).not.toMatch(/goexit|--data-root|Stack/);
  },
);

test.each(['run', 'copy', 'parse'])(
  'record-%s beside its log: the same error and line, now marked as the record’s',
  (name) => {
    const trace = parseTrace(fixture(`record-${name}.rawjson.log`));
    const r = record(name);
    const read = withRecord(trace, r);
    expect(read.error).toBe(trace.error);
    expect(read.excerpt!.line).toBe(trace.excerpt!.line);
    expect(read.recordUse).toEqual({ ref: r.ref, error: true, line: true });
    expect(classify(failureText(read)).category).toBe(classify(failureText(trace)).category);
    expect(failingStep(read)?.name).toBe(failingStep(trace)?.name);
  },
);

test('a log that lost the failure: the record alone gives the step, its lines, the error and the line', () => {
  // What is left of a log when buildx's stderr was cut before the failure (a runner that lost it).
  const log = fixture('record-run.rawjson.log').split('\n');
  const trace = parseTrace(log.slice(0, 3).join('\n'));
  expect(trace.error).toBeUndefined();
  const read = withRecord(trace, record('run'));
  const step = failingStep(read)!;
  expect(step).toMatchObject({
    name: '[3/3] RUN echo hello && echo to-stderr >&2 && exit 3',
    index: 3,
    internal: false,
  });
  expect(step.logTail).toEqual(['hello', 'to-stderr']);
  const a = analyze({ trace: read });
  expect(a.status).toBe('failed');
  expect(a.failure).toMatchObject({
    category: 'step',
    retryable: false,
    line: 4,
    message: expect.stringMatching(/exit code: 3$/),
  });
  expect(a.findings.find((f) => f.rule === 'build-failed')!.message).toMatch(
    /The error and its Dockerfile line from the build record: `docker buildx history inspect \w+`/,
  );
});

test('a record without an error, or text that is not a record, changes nothing', () => {
  const trace = parseTrace(fixture('record-run.rawjson.log'));
  const ok = parseRecord(JSON.stringify({ Ref: 'abc', Status: 'completed', NumTotalSteps: 3 }))!;
  expect(ok).toEqual({ ref: 'abc', status: 'completed', steps: { total: 3, completed: 0, cached: 0 } });
  expect(withRecord(trace, ok)).toBe(trace);
  for (const text of [
    '',
    'ERROR: no record found for ref "x"',
    '[]',
    'null',
    '{"Ref":1,"Status":"failed"}',
    `"${'x'.repeat(MAX_RECORD_CHARS)}"`,
  ])
    expect(parseRecord(text)).toBeUndefined();
  expect(readSources(Buffer.from('not a snippet').toString('base64'))).toBeUndefined();
});

test("BuildKit's clipping mark, by size and by rate, read from a step's log", () => {
  expect(clippedLimit('[output clipped, log limit 2MiB reached]')).toBe('2MiB');
  expect(clippedLimit('[output clipped, log limit 1MiB reached]')).toBe('1MiB');
  expect(clippedLimit('[output clipped, log limit 200KiB/s reached]')).toBe('200KiB/s');
  expect(clippedLimit('echo [output clipped, log limit 2MiB reached]')).toBeUndefined();
  // A real log: 250 kB printed at once passes BuildKit's rate limit (200 KiB/s).
  const trace = parseTrace(fixture('record-clipped-rate.plain.txt'));
  const step = failingStep(trace)!;
  expect(step.clipped).toBe('200KiB/s');
  const a = analyze({ trace });
  const f = a.findings.find((x) => x.rule === 'log-clipped')!;
  expect(f).toMatchObject({ severity: 'error', line: 4 });
  expect(f.message).toMatch(/log limit `200KiB\/s` reached.*may be missing/);
  expect(f.message).toContain('`driver-opts: env.BUILDKIT_STEP_LOG_MAX_SIZE=-1`');
  expect(f.message).toContain('`env.BUILDKIT_STEP_LOG_MAX_SPEED=-1`');
  expect(a.findings.find((x) => x.rule === 'build-failed')!.message).toMatch(/its last lines may be missing/);
  // A log with no mark: no finding.
  expect(
    analyze({ trace: parseTrace(fixture('record-run.rawjson.log')) }).findings.map((x) => x.rule),
  ).not.toContain('log-clipped');
});

test('record-clipped (a 2.4 MB step): the record keeps the last lines, read as the step’s when the log has none', () => {
  const r = record('clipped');
  expect(r.error!.vertex).toMatch(/^\[3\/3\] RUN for i in/);
  expect(r.error!.logs.length).toBeGreaterThan(0);
  expect(r.error!.logs.length).toBeLessThanOrEqual(30);
});
