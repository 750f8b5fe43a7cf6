// The shapes a log reaches `analyze` in: every spelling of the final error line, GitHub's raw logs,
// pasted (indented, quoted, CRLF) logs, the interactive display, the legacy builder, compose v1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/findings/analyze.js';
import { parseTrace } from '../../../src/trace/parser.js';
import { readFinalLine } from '../../../src/trace/final-line.js';
import { repoRoot } from '../../support/paths.js';

const corpus: { id: string; category: string; text: string }[] = readFileSync(
  join(repoRoot, '__fixtures__', 'corpus', 'buildx-errors.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

/** How each tool spells the line that ends a failed build, around an error message. */
const SPELLINGS: Record<string, (msg: string) => string> = {
  buildx: (m) => `ERROR: failed to solve: ${m}`,
  'buildx ≥ 0.21': (m) => `ERROR: failed to build: failed to solve: ${m}`,
  'older buildx, buildctl, nerdctl': (m) => `error: failed to solve: ${m}`,
  'compose, docker build': (m) => `failed to solve: ${m}`,
  'build-push-action': (m) => `Error: buildx failed with: ERROR: failed to solve: ${m}`,
  'bake-action': (m) => `Error: buildx bake failed with: ERROR: target app: failed to solve: ${m}`,
  bake: (m) => `ERROR: target app: failed to solve: ${m}`,
  'GitHub annotation': (m) => `##[error]buildx failed with: ERROR: failed to solve: ${m}`,
};

/** How the log was carried: raw, as GitHub stores it, pasted into an issue. */
const WRAPPERS: Record<string, (lines: string[]) => string> = {
  raw: (l) => l.join('\n'),
  'GitHub raw log': (l) =>
    l.map((x, i) => `2024-05-01T10:00:${String(i).padStart(2, '0')}.1234567Z ${x}`).join('\n'),
  CRLF: (l) => l.join('\r\n'),
  indented: (l) => l.map((x) => `    ${x}`).join('\n'),
  quoted: (l) => l.map((x) => `> ${x}`).join('\n'),
  coloured: (l) => l.map((x) => `\x1b[31m${x}\x1b[0m`).join('\r\n'),
};

const PROGRESS = ['#1 [internal] load build definition from Dockerfile', '#1 DONE 0.0s', ''];

describe('no error line is ever a success', () => {
  const messages = corpus.map((c) =>
    c.text.split('\n')[0].replace(/^.*?(?:ERROR|Error|error): (?:failed to solve: )?/, ''),
  );
  for (const [spelling, spell] of Object.entries(SPELLINGS)) {
    for (const [wrapper, wrap] of Object.entries(WRAPPERS)) {
      test(`${spelling}, ${wrapper}`, () => {
        for (const m of messages) {
          const a = analyze({ trace: parseTrace(wrap([...PROGRESS, spell(m)])) });
          expect({ m, status: a.status }).toEqual({ m, status: 'failed' });
        }
      });
    }
  }

  test('the classification does not depend on the spelling or the carrier', () => {
    for (const c of corpus.filter((x) => !x.text.includes('\n'))) {
      const m = c.text.replace(
        /^.*?(?:ERROR|Error|error): (?:failed to (?:build|solve): )?(?:failed to solve: )?/,
        '',
      );
      const seen = new Set<string>();
      for (const spell of Object.values(SPELLINGS))
        for (const wrap of Object.values(WRAPPERS))
          seen.add(analyze({ trace: parseTrace(wrap([...PROGRESS, spell(m)])) }).failure!.category);
      expect({ id: c.id, seen: [...seen] }).toEqual({ id: c.id, seen: [c.category] });
    }
  });

  test('a vertex error with no closing line has failed (push, export, load metadata)', () => {
    for (const vertex of [
      'exporting to image',
      'pushing layers',
      '[internal] load metadata for docker.io/library/alpine:3',
    ]) {
      const a = analyze({
        trace: parseTrace(`#9 ${vertex}\n#9 ERROR: failed to push x: 503 Service Unavailable\n`),
      });
      expect(a).toMatchObject({ status: 'failed', failure: { category: 'registry', retryable: true } });
    }
  });

  test('a panic of buildx with no ERROR line is a crash', () => {
    const a = analyze({
      trace: parseTrace(
        '#1 [internal] load build definition\n#1 DONE 0.0s\npanic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 1 [running]:\n',
      ),
    });
    expect(a).toMatchObject({ status: 'failed', failure: { category: 'crash', retryable: true } });
  });
});

describe('verdicts other than failed', () => {
  test('text with no build progress and no error is unknown, not success', () => {
    for (const text of [
      '',
      'hello world\nnothing to see',
      readFileSync(process.execPath).subarray(0, 4096).toString('latin1'),
    ]) {
      expect(analyze({ trace: parseTrace(text) }).status).toBe('unknown');
    }
  });

  test('a whole binary file is unknown, whatever error-like strings it holds', () => {
    const binary = `${readFileSync(process.execPath)
      .subarray(0, 1 << 20)
      .toString('latin1')}\nERROR: failed to solve: x\n`;
    expect(analyze({ trace: parseTrace(binary) }).status).toBe('unknown');
    // The same error line in text is a failure.
    expect(analyze({ trace: parseTrace('ERROR: failed to solve: x\n') }).status).toBe('failed');
  });

  test('a log cut off while a step runs is unknown', () => {
    const a = analyze({ trace: parseTrace('#5 [2/3] RUN make\n#5 0.1 compiling\n') });
    expect(a.status).toBe('unknown');
  });

  test('a bare known error message with no progress is a failure, classified', () => {
    const a = analyze({
      trace: parseTrace('standard_init_linux.go:219: exec user process caused: exec format error\n'),
    });
    expect(a).toMatchObject({ status: 'failed', failure: { category: 'platform' } });
  });

  // wild3-048 (Significant-Gravitas/AutoGPT#2910): Docker 20.10's CLI prints no `failed to solve:`.
  test("the docker CLI's bare `executor failed running` line is a failed step", () => {
    const log = [
      '#14 [6/9] RUN pip install -r requirements.txt',
      '#14 104.8 ReadTimeoutError: Read timed out.',
      '------',
      'executor failed running [/bin/sh -c pip install -r requirements.txt]: exit code: 2',
    ].join('\n');
    expect(analyze({ trace: parseTrace(log) })).toMatchObject({
      status: 'failed',
      failure: { category: 'step', retryable: false },
    });
  });

  // wild3-051 (babagreensheep/jellyfin-tizen-docker#11), held out until then.
  test("the docker CLI's bare `failed to compute cache key` line is the failure's error", () => {
    const log = [
      ' => ERROR [3/4] COPY ./run.sh /app/run.sh   0.0s',
      '------',
      ' > [3/4] COPY ./run.sh /app/run.sh:',
      '------',
      'failed to compute cache key: "/run.sh" not found: not found',
    ].join('\n');
    expect(analyze({ trace: parseTrace(log) })).toMatchObject({
      status: 'failed',
      failure: { category: 'missing-file', retryable: false },
    });
  });

  // wild3-004 (bitcoinfuzz/bitcoinfuzz#555): just's own error line came after buildx's.
  test("a wrapper's line that only reports a command's exit status does not replace buildx's error", () => {
    const error =
      'ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref ab::cd: "/go.sum": not found';
    for (const after of [
      'error: Recipe `docker-build` failed with exit code 1',
      "Error: The process '/usr/bin/docker' failed with exit code 1",
      'Error: The command exited with status 1',
    ]) {
      expect(readFinalLine(after)).toMatchObject({ rank: 1 });
      const a = analyze({ trace: parseTrace([...PROGRESS, error, after].join('\n')) });
      expect({ after, failure: a.failure?.category }).toEqual({ after, failure: 'missing-file' });
    }
  });

  test('an exit code 0 wrapper line is not an error', () => {
    expect(readFinalLine('Error: Process completed with exit code 0.')).toBeUndefined();
    expect(readFinalLine('Error: Process completed with exit code 1.')).toMatchObject({ rank: 1 });
  });
});

describe('the interactive display', () => {
  const tty = [
    '[+] Building 12.3s (6/8) FINISHED                              docker:default',
    ' => [internal] load build definition from Dockerfile                    0.0s',
    ' => => transferring dockerfile: 646B                                     0.0s',
    ' => CACHED [base 1/6] FROM docker.io/library/debian:12                   0.0s',
    ' => ERROR [base 2/6] RUN make test                                       3.1s',
    ' => => # FAIL: TestParse (0.00s)',
    '------',
    ' > [base 2/6] RUN make test:',
    '#0 3.051 FAIL: TestParse (0.00s)',
    '#0 3.052 make: *** [test] Error 1',
    '------',
    'Dockerfile:9',
    '--------------------',
    '   9 | >>> RUN make test',
    '--------------------',
    'ERROR: failed to solve: process "/bin/sh -c make test" did not complete successfully: exit code: 2',
  ];

  test('steps, cache hits, the failing step and its output', () => {
    const trace = parseTrace(tty.join('\n'));
    expect(trace.format).toBe('tty');
    const failing = trace.steps.find((s) => s.error)!;
    expect(failing).toMatchObject({
      stage: 'base',
      index: 2,
      instruction: 'RUN make test',
      durationMs: 3100,
    });
    expect(failing.logTail).toContain('FAIL: TestParse (0.00s)');
    expect(trace.steps.find((s) => s.stage === 'base' && s.index === 1)?.cached).toBe(true);
    const a = analyze({ trace });
    expect(a.failure).toMatchObject({ category: 'step', line: 9 });
  });

  test('without a closing line, the summary’s output classifies the step (exec format error)', () => {
    const lines = tty
      .slice(0, 11)
      .map((l) => l.replace('FAIL: TestParse (0.00s)', 'exec /bin/sh: exec format error'));
    const a = analyze({ trace: parseTrace(lines.filter((l) => !l.includes('make: ***')).join('\n')) });
    expect(a).toMatchObject({ status: 'failed', failure: { category: 'platform', retryable: false } });
  });

  test('a `------` rule a poster put around the log is not a failure summary: the progress is read', () => {
    // The shape of docker/buildx#2080: the display between two rules, no closing line.
    const wrapped = ['------', ...tty.slice(0, 6), '------'].join('\n');
    const trace = parseTrace(wrapped);
    expect(trace.format).toBe('tty');
    expect(trace.steps.find((s) => s.error)?.instruction).toBe('RUN make test');
    expect(analyze({ trace }).status).toBe('failed');
    // buildx's own summary still holds its step's lines, also when one reads like progress.
    const own = parseTrace(
      ['------', ' > [base 2/6] RUN make test:', '#3 0.5 #4 DONE 1.0s', '------'].join('\n'),
    );
    expect(own.steps).toEqual([]);
  });
});

describe('the legacy builder and compose v1', () => {
  const legacy = [
    'Sending build context to Docker daemon  3.072kB',
    'Step 1/4 : FROM debian:12',
    ' ---> 1234567890ab',
    'Step 2/4 : WORKDIR /app',
    ' ---> Running in abcdef012345',
    'Removing intermediate container abcdef012345',
    'Step 3/4 : RUN make test',
    ' ---> Running in 0123456789ab',
    'cc -o test test.c',
    'test.c:1: error: expected ; before }',
    "The command '/bin/sh -c make test' returned a non-zero code: 2",
  ];

  test('a failed RUN is a step failure, with the step’s output', () => {
    const trace = parseTrace(legacy.join('\n'));
    expect(trace.format).toBe('legacy');
    const a = analyze({ trace });
    expect(a).toMatchObject({ status: 'failed', failure: { category: 'step', retryable: false } });
    expect(trace.steps.find((s) => s.error)?.logTail).toContain('test.c:1: error: expected ; before }');
  });

  test('compose v1 wraps it', () => {
    const a = analyze({
      trace: parseTrace([...legacy, "ERROR: Service 'web' failed to build : Build failed"].join('\n')),
    });
    expect(a).toMatchObject({ status: 'failed', failure: { category: 'step' } });
  });

  test('COPY failed and a parse error from the daemon', () => {
    expect(
      analyze({
        trace: parseTrace(
          'Step 2/3 : COPY app.conf /etc/\nCOPY failed: file not found in build context or excluded by .dockerignore: stat app.conf: file does not exist',
        ),
      }).failure,
    ).toMatchObject({ category: 'missing-file' });
    const parse = analyze({
      trace: parseTrace(
        'Sending build context to Docker daemon  2.048kB\nError response from daemon: dockerfile parse error line 5: unknown instruction: ECHO',
      ),
    });
    expect(parse.failure).toMatchObject({ category: 'dockerfile', line: 5 });
  });

  test('a legacy build that succeeded', () => {
    const ok = [
      ...legacy.slice(0, 9),
      'ok',
      ' ---> 0f0f0f0f0f0f',
      'Successfully built 0f0f0f0f0f0f',
      'Successfully tagged app:latest',
    ];
    expect(analyze({ trace: parseTrace(ok.join('\n')) }).status).toBe('success');
  });
});

test('a buildx error line quoted inside a pasted GitHub log keeps its Dockerfile line', () => {
  const text = [
    '2023-01-17T12:46:34.0302364Z #7 [2/2] RUN false',
    '2023-01-17T12:46:34.0302364Z #7 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1',
    '2023-01-17T12:46:34.0302364Z ------',
    '2023-01-17T12:46:34.0302364Z  > [2/2] RUN false:',
    '2023-01-17T12:46:34.0302364Z ------',
    '2023-01-17T12:46:34.0302364Z api.Dockerfile:12',
    '2023-01-17T12:46:34.0302364Z --------------------',
    '2023-01-17T12:46:34.0302364Z   12 | >>> RUN false',
    '2023-01-17T12:46:34.0302364Z --------------------',
    '2023-01-17T12:46:34.0302364Z ERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1',
    '2023-01-17T12:46:35.0000000Z ##[error]buildx failed with: ERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1',
  ];
  const a = analyze({ trace: parseTrace(text.join('\r\n')) });
  expect(a.failure).toMatchObject({ category: 'step', file: 'api.Dockerfile', line: 12 });
});
