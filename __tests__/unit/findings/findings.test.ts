// Findings on logs captured from real builds: each lands on the right Dockerfile line, in every format.
import { analyze, analysisJson } from '../../../src/findings/analyze.js';
import { parseDockerfile, locateStep } from '../../../src/findings/dockerfile.js';
import { codeBlock, code, escapeMarkdown } from '../../../src/findings/markdown-escape.js';
import { RULES } from '../../../src/findings/index.js';
import { LOG_FORMATS, loadScenario } from '../../support/fixtures.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';

async function run(scenario: string, format: string, options = {}) {
  const { trace, dockerfile } = await loadScenario(scenario, format);
  return analyze({ trace, dockerfile, options });
}

const lines = (a: Awaited<ReturnType<typeof run>>, rule: string) =>
  a.findings.filter((f) => f.rule === rule).map((f) => [f.line, f.endLine]);

describe.each(LOG_FORMATS)('%s', (format) => {
  test('failing RUN in a multi-stage build: build-failed at the RUN, with the test failure it printed', async () => {
    const a = await run('failing-run', format);
    expect(a.status).toBe('failed');
    expect(a.failure).toMatchObject({ category: 'step', retryable: false, file: 'Dockerfile', line: 11 });
    const f = a.findings.find((x) => x.rule === 'build-failed')!;
    expect(f).toMatchObject({ severity: 'error', line: 11, endLine: 13 });
    expect(f.message).toContain('FAIL: test_addition: expected 2, got 3');
    expect(a.findings[0].rule).toBe('build-failed');
  });

  test('cache break after COPY . /app before a dependency install: warning at the COPY', async () => {
    const a = await run('cache-break', format);
    expect(a.status).toBe('success');
    expect(lines(a, 'cache-invalidated')).toEqual([[8, 8]]);
    const f = a.findings.find((x) => x.rule === 'cache-invalidated')!;
    expect(f.severity).toBe('warning');
    expect(f.hint).toMatch(/Copy only the dependency manifests/);
    expect(lines(a, 'slow-step')[0]).toEqual([9, 9]);
  });

  test('a 62 MB context is a large-context warning; a higher threshold silences it', async () => {
    expect((await run('large-context', format)).findings.map((f) => f.rule)).toContain('large-context');
    expect(
      (await run('large-context', format, { contextSizeWarnMb: 100 })).findings.map((f) => f.rule),
    ).not.toContain('large-context');
  });

  test('an arm64 binary in a RUN step: exec-format error at that RUN, category platform', async () => {
    const a = await run('exec-format', format);
    expect(a.failure?.category).toBe('platform');
    expect(lines(a, 'exec-format')).toEqual([[6, 6]]);
    expect(a.findings.find((f) => f.rule === 'exec-format')!.hint).toMatch(/setup-qemu-action/);
  });

  test('a missing COPY source: missing-file at the COPY', async () => {
    const a = await run('missing-copy', format);
    expect(a.failure).toMatchObject({ category: 'missing-file', line: 6 });
  });

  test('build checks: lint/<Rule> at their lines', async () => {
    const a = await run('lint', format);
    expect(lines(a, 'lint/FromAsCasing')).toEqual([[1, 1]]);
    expect(lines(a, 'lint/SecretsUsedInArgOrEnv')).toEqual([[5, 5]]);
  });

  test('a cache break in a two-platform build is one warning at the COPY (RUN steps carry no platform)', async () => {
    const a = await run('cache-break-two-node', format);
    expect(lines(a, 'cache-invalidated')).toEqual([[7, 7]]);
    expect(a.findings.find((f) => f.rule === 'cache-invalidated')!.severity).toBe('warning');
  });

  test('two nodes, two platforms: one slow-step per line, nothing when fully cached', async () => {
    expect(lines(await run('two-node', format), 'slow-step')).toEqual([[7, 7]]);
    expect((await run('two-node', `${format}.cached`)).findings).toEqual([]);
  });
});

test('a transport fault is a retryable failure (buildx 0.29.1)', async () => {
  for (const format of ['0.29.1-rawjson', '0.29.1-plain']) {
    const a = await run('transport', format);
    expect(a.failure).toMatchObject({ category: 'transport', retryable: true });
  }
});

test('buildx 0.13.1 survived the same GOAWAY (captured: the build succeeded)', async () => {
  expect((await run('transport', '0.13.1-rawjson')).status).toBe('success');
});

test('the JSON contract has exactly the documented fields', async () => {
  const json = JSON.parse(analysisJson(await run('failing-run', '0.29.1-rawjson')));
  expect(Object.keys(json)).toEqual(['status', 'failure', 'findings', 'stats']);
  expect(Object.keys(json.stats)).toEqual([
    'durationMs',
    'steps',
    'cachedSteps',
    'contextBytes',
    'platforms',
  ]);
  for (const f of json.findings)
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'severity', 'title', 'message']));
});

test('unpinned base images: no tag and :latest, but not stages, scratch, digests or ARG images', () => {
  const df = parseDockerfile(
    [
      'FROM alpine AS a',
      'FROM node:latest',
      'FROM a',
      'FROM scratch',
      'FROM debian:12',
      'FROM ubuntu@sha256:abc',
      'ARG IMG',
      'FROM $IMG',
    ].join('\n'),
    'Dockerfile',
  );
  const { trace } = {
    trace: {
      format: 'rawjson',
      steps: [],
      warnings: [],
      contextBytes: 0,
      platforms: [],
      durationMs: 0,
      unreadLines: 0,
      tail: [],
    } as const,
  };
  const a = analyze({
    trace: { ...trace, steps: [], warnings: [], platforms: [], tail: [] },
    dockerfile: df,
  });
  expect(a.findings.filter((f) => f.rule === 'unpinned-base-image').map((f) => f.line)).toEqual([1, 2]);
});

test('steps map through padded indexes and FROM steps of image bases', () => {
  const df = parseDockerfile(
    ['FROM alpine:3', ...Array.from({ length: 11 }, (_, i) => `RUN echo ${i}`)].join('\n'),
    'Dockerfile',
  );
  const step = (name: string) => ({
    number: 1,
    id: 'x',
    cached: false,
    logTail: [],
    logLines: 0,
    name,
    internal: false,
    index: Number(name.match(/(\d+)\//)![1]),
    total: 12,
    instruction: name.replace(/^\[.*?\] /, ''),
  });
  expect(locateStep(df, step('[ 2/12] RUN echo 0'))?.line).toBe(2);
  expect(locateStep(df, step('[12/12] RUN echo 10'))?.line).toBe(12);
  expect(locateStep(df, step('[ 1/12] FROM docker.io/library/alpine:3@sha256:abc'))?.line).toBe(1);
});

test('markdown helpers make log text inert', () => {
  expect(codeBlock(['has ``` fence', '@octocat'])).toBe('````\nhas ``` fence\n@octocat\n````');
  expect(code('a `b` c')).toBe('``a `b` c``');
  expect(escapeMarkdown('<script>@octocat #12 [x](y)')).toBe(
    '\\<script\\>\\@\u200boctocat \\#\u200b12 \\[x\\]\\(y\\)',
  );
});

test('docs/findings.md documents every rule', () => {
  const doc = readFileSync(join(repoRoot, 'docs', 'findings.md'), 'utf8');
  for (const r of RULES) expect(doc).toContain(`\`${r.id}\``);
});
