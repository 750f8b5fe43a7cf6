import { readFileSync } from 'node:fs';
import { parseSize } from '../../../src/trace/names.js';
import { parseTrace, TraceParser } from '../../../src/trace/parser.js';
import { failingStep } from '../../../src/trace/query.js';
import { LOG_FORMATS, loadScenario, logPath } from '../../support/fixtures.js';

describe.each(LOG_FORMATS)('%s logs', (format) => {
  test('failing multi-stage RUN: the step, its log tail, the excerpt and the final error', async () => {
    const { trace } = await loadScenario('failing-run', format);
    expect(trace.format).toBe(format.endsWith('plain') ? 'plain' : 'rawjson');
    const step = failingStep(trace)!;
    expect(step).toMatchObject({ stage: 'test', index: 3, total: 3, internal: false });
    expect(step.instruction).toMatch(/^RUN echo "running tests"/);
    expect(step.logTail).toContain('FAIL: test_addition: expected 2, got 3');
    expect(trace.error).toMatch(
      /process "\/bin\/sh -c echo \\"running tests\\".*" did not complete successfully: exit code: 3$/,
    );
    expect(trace.excerpt).toMatchObject({ file: 'Dockerfile', line: 11 });
    expect(trace.unreadLines).toBeLessThan(5);
  });

  test('context transfer size', async () => {
    const { trace } = await loadScenario('large-context', format);
    expect(trace.contextBytes).toBeGreaterThan(62 * 1024 * 1024);
  });

  test('two nodes, two platforms: cold, then fully cached', async () => {
    const { trace } = await loadScenario('two-node', format);
    expect(trace.platforms.sort()).toEqual(['linux/386', 'linux/amd64']);
    const steps = trace.steps.filter((s) => !s.internal);
    expect(steps.filter((s) => s.cached)).toHaveLength(0);
    const cached = await loadScenario('two-node', `${format}.cached`);
    const cachedSteps = cached.trace.steps.filter((s) => !s.internal);
    expect(cachedSteps.length).toBeGreaterThan(0);
    expect(cachedSteps.every((s) => s.cached)).toBe(true);
  });

  test('build checks become warnings with their lines', async () => {
    const { trace } = await loadScenario('lint', format);
    const byRule = new Map(trace.warnings.map((w) => [w.rule, w]));
    expect(byRule.get('FromAsCasing')).toMatchObject({ startLine: 1 });
    expect(byRule.get('SecretsUsedInArgOrEnv')).toMatchObject({ startLine: 5 });
    if (format.endsWith('rawjson')) {
      expect(byRule.get('FromAsCasing')!.url).toBe(
        'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
      );
    }
  });
});

test('buildx 0.13.1 pretty-prints each JSON value over many lines; 0.29.1 writes one per line', () => {
  expect(readFileSync(logPath('failing-run', '0.13.1-rawjson'), 'utf8').split('\n')[0]).toBe('{');
  expect(readFileSync(logPath('failing-run', '0.29.1-rawjson'), 'utf8').split('\n')[0]).toMatch(
    /^\{"vertexes":/,
  );
});

test('garbage, truncated JSON and unknown lines never throw; what can be read is read', () => {
  const good =
    '{"vertexes":[{"digest":"sha256:a","name":"[stage-1 1/1] RUN true","started":"2026-01-01T00:00:00Z","completed":"2026-01-01T00:00:02Z"}]}';
  const trace = parseTrace(
    [
      '\u0000\u0001binary',
      '{"vertexes":[{"digest":',
      'not json {',
      good,
      '{',
      '  "unterminated": "x',
      '#x weird',
      'ERROR: boom',
    ].join('\n'),
  );
  expect(trace.steps.map((s) => [s.instruction, s.durationMs])).toEqual([['RUN true', 2000]]);
  expect(trace.error).toBe('boom');
});

test('an unterminated multi-line value is dropped past its bound without holding the rest', () => {
  const p = new TraceParser();
  p.push('{');
  p.push('  "vertexes": [');
  // Well-formed, indented lines that never close: more than the 32 MB bound.
  for (let i = 0; i < 40_000; i++) p.push(`    "more": "${'y'.repeat(1000)}",`);
  p.push('ERROR: still read');
  const trace = p.finish();
  expect(trace.error).toBe('still read');
  expect(trace.unreadLines).toBeGreaterThan(30_000);
});

test('sizes as buildx prints them', () => {
  expect(parseSize('1.98MB')).toBe(1_980_000);
  expect(parseSize('512B')).toBe(512);
  expect(parseSize('3.2kB')).toBe(3200);
  expect(parseSize('1.5GiB')).toBe(1610612736);
  expect(parseSize('lots')).toBeUndefined();
});

describe('analyzer cost: linear time, bounded memory', () => {
  test('a 600 MB line is cut at 1 MiB and counted, the rest of the log is read', async () => {
    const { Readable } = await import('node:stream');
    const { readTraceFrom, MAX_LINE_CHARS } = await import('../../../src/trace/read.js');
    const chunk = Buffer.alloc(8 << 20, 0x61); // 8 MiB of 'a', no newline
    async function* log() {
      yield Buffer.from('#1 [internal] load build definition from Dockerfile\n#1 DONE 0.0s\n');
      for (let sent = 0; sent < 600 << 20; sent += chunk.length) yield chunk;
      yield Buffer.from('\nERROR: failed to solve: after the long line\n');
    }
    const trace = await readTraceFrom(Readable.from(log()));
    expect(trace.truncatedLines).toBe(1);
    expect(trace.error).toBe('failed to solve: after the long line');
    expect(trace.steps).toHaveLength(1);
    expect(MAX_LINE_CHARS).toBe(1 << 20);
  }, 60_000);

  test('a 5 MiB error line keeps its head and its tail: the exit code at its end decides the category', async () => {
    const { Readable } = await import('node:stream');
    const { readTraceFrom, MAX_LINE_CHARS } = await import('../../../src/trace/read.js');
    const { classify } = await import('../../../src/diagnosis/classify.js');
    const { failureText } = await import('../../../src/trace/query.js');
    const command = 'x'.repeat(5 << 20);
    const line = `ERROR: failed to solve: process "/bin/sh -c echo ${command}" did not complete successfully: exit code: 2\n`;
    const bytes = Buffer.from(`#1 [internal] load build definition from Dockerfile\n#1 DONE 0.0s\n${line}`);
    async function* log() {
      for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
    }
    const trace = await readTraceFrom(Readable.from(log()));
    expect(trace.truncatedLines).toBe(1);
    // The parser clips what it keeps from the middle too (closing.ts): head and tail survive both.
    const error = trace.error!;
    expect({ head: error.slice(0, 41), tail: error.slice(-54) }).toEqual({
      head: 'failed to solve: process "/bin/sh -c echo',
      tail: 'xxxxxxxxx" did not complete successfully: exit code: 2',
    });
    expect(error.length).toBeLessThan(MAX_LINE_CHARS);
    expect(classify(failureText(trace), { exitCode: 1 })).toMatchObject({
      category: 'step',
      pattern: 'step-failed',
    });
  });

  test('the cut keeps exactly the first and last half of an over-long line, whatever the chunking', async () => {
    const { LineSplitter } = await import('../../../src/trace/read.js');
    const line = Array.from({ length: 100 }, (_, i) => String(i).padStart(3, '0')).join(''); // 300 chars
    for (const size of [1, 7, 64, 299, 301]) {
      const out: string[] = [];
      const s = new LineSplitter((l) => out.push(l), 40);
      const text = `short\n${line}\nafter\n${line}`;
      for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size));
      s.end();
      const cut = `${line.slice(0, 20)} … [260 characters cut] … ${line.slice(-20)}`;
      expect({ size, out, truncated: s.truncated }).toEqual({
        size,
        out: ['short', cut, 'after', cut],
        truncated: 2,
      });
    }
  });

  test('a UTF-8 character split across chunks is read whole', async () => {
    const { LineSplitter } = await import('../../../src/trace/read.js');
    const out: string[] = [];
    const s = new LineSplitter((l) => out.push(l));
    const bytes = Buffer.from('#1 é✓\n');
    for (const b of bytes) s.push(Buffer.from([b]));
    s.end();
    expect(out).toEqual(['#1 é✓']);
  });

  test('cache-invalidated on 80,000 steps in one stage finds the break (it was quadratic: 68 s)', async () => {
    const { cacheInvalidated } = await import('../../../src/findings/rules/cache-invalidated.js');
    const steps = Array.from({ length: 80_000 }, (_, i) => ({
      number: i + 1,
      id: `s${i}`,
      name: `[build ${i + 1}/80000] RUN step ${i}`,
      internal: false,
      stage: 'build',
      index: i + 1,
      total: 80_000,
      instruction: `RUN step ${i}`,
      cached: i < 40_000,
      durationMs: 1,
      logTail: [],
      logLines: 0,
    }));
    const trace = parseTrace('');
    const found = cacheInvalidated.check({
      trace: { ...trace, steps },
      attempts: [],
      nodes: [],
      host: [],
      options: {
        contextSizeWarnMb: 50,
        slowStepShare: 0.2,
        slowStepMinMs: 1000,
        slowStepMax: 3,
        logLines: 15,
      },
    });
    expect(found).toHaveLength(1);
    expect(found[0].title).toBe('Cache invalidated at [build] RUN step 40000');
  });
});
