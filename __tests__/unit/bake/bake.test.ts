// Bake: step names by target, each target's Dockerfile, the inputs, the argv and the targets' results.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bakeArgs, bakeEnv, bakeResult, targetResults } from '../../../src/attempts/bake.js';
import { parseConfig } from '../../../src/config/config.js';
import { analyze } from '../../../src/findings/analyze.js';
import { parseDockerfile } from '../../../src/findings/dockerfile.js';
import { chartSteps } from '../../../src/report/input.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { describeStepName } from '../../../src/trace/names.js';
import { parseTrace } from '../../../src/trace/parser.js';
import { readTrace } from '../../../src/trace/read.js';
import { repoRoot } from '../../support/paths.js';

const fixture = join(repoRoot, '__fixtures__', 'logs', 'bake-failing');
const dockerfiles = {
  app: parseDockerfile(readFileSync(join(fixture, 'Dockerfile'), 'utf8'), 'Dockerfile'),
  test: parseDockerfile(readFileSync(join(fixture, 'test.Dockerfile'), 'utf8'), 'test.Dockerfile'),
};

describe('step names of a bake', () => {
  const targets = new Set(['app', 'test']);
  test.each([
    ['[test 3/3] RUN make', { target: 'test', stage: undefined, index: 3, instruction: 'RUN make' }],
    ['[app stage-1 1/1] RUN echo app', { target: 'app', stage: 'stage-1', index: 1 }],
    ['[app linux/arm64 build 2/4] RUN make', { target: 'app', platform: 'linux/arm64', stage: 'build' }],
    ['[app] exporting to image', { target: 'app', internal: true }],
    ['[app internal] load build context', { target: 'app', internal: true }],
    [
      '[app linux/amd64 internal] load metadata for x',
      { target: 'app', internal: true, platform: 'linux/amd64' },
    ],
    // Not a target: a stage of that name.
    ['[build 2/3] RUN make', { stage: 'build', index: 2 }],
  ])('%s', (name, want) => {
    const d = describeStepName(name, targets);
    expect(d).toMatchObject(want);
    if (!('target' in want)) expect(d.target).toBeUndefined();
  });

  test('without known targets, [test 3/3] is a stage, as before', () => {
    const d = describeStepName('[test 3/3] RUN make');
    expect(d).toMatchObject({ stage: 'test', index: 3 });
    expect(d.target).toBeUndefined();
  });

  test.each(['0.29.1-plain.log', '0.29.1-rawjson.log'])(
    'the log announces its targets and every step gets one: %s',
    async (file) => {
      const trace = await readTrace(join(fixture, file));
      expect(new Set(trace.targets)).toEqual(new Set(['app', 'test']));
      const failing = trace.steps.find((s) => s.error && !s.internal)!;
      expect(failing).toMatchObject({
        target: 'test',
        index: 3,
        instruction: expect.stringMatching(/^RUN echo/),
      });
      for (const s of trace.steps.filter((x) => !x.internal)) expect(['app', 'test']).toContain(s.target);
    },
  );

  test('a target announced after its step was named still names it', () => {
    const trace = parseTrace(
      [
        '#1 [app 1/1] RUN true',
        '#1 DONE 0.1s',
        '#2 [app internal] load build definition from Dockerfile',
      ].join('\n'),
    );
    expect(trace.steps[0]).toMatchObject({ target: 'app', index: 1 });
  });

  test('a build (no bake) has no targets', () => {
    const trace = parseTrace(
      '#1 [internal] load build definition from Dockerfile\n#2 [build 1/2] RUN make\n',
    );
    expect(trace.targets).toBeUndefined();
    expect(trace.steps[1]).toMatchObject({ stage: 'build' });
    expect(trace.steps[1].target).toBeUndefined();
  });
});

describe('findings per target', () => {
  test.each(['0.29.1-plain.log', '0.29.1-rawjson.log'])(
    "the failure is at the failing target's Dockerfile line, named: %s",
    async (file) => {
      const a = analyze({ trace: await readTrace(join(fixture, file)), dockerfiles });
      const failed = a.findings.find((f) => f.rule === 'build-failed')!;
      expect(failed).toMatchObject({ file: 'test.Dockerfile', line: 4, target: 'test' });
      expect(failed.title).toMatch(/^Build failed at \[test\] RUN echo "FAIL: test_api"/);
      expect(a.failure).toMatchObject({ category: 'step', file: 'test.Dockerfile', line: 4, target: 'test' });
    },
  );

  test("a step of app maps into app's Dockerfile, not test's", async () => {
    const trace = await readTrace(join(fixture, '0.29.1-plain.log'));
    const a = analyze({
      trace: {
        ...trace,
        durationMs: 100_000,
        steps: trace.steps.map((s) =>
          s.instruction === 'RUN echo app' ? { ...s, durationMs: 60_000, cached: false } : s,
        ),
      },
      dockerfiles,
    });
    const slow = a.findings.find((f) => f.rule === 'slow-step');
    expect(slow).toMatchObject({ file: 'Dockerfile', line: 6, target: 'app' });
    expect(slow?.title).toContain('[app stage-1] RUN echo app');
  });

  test('the report groups by target: a targets table and one chart section per target', async () => {
    const trace = await readTrace(join(fixture, '0.29.1-rawjson.log'));
    const steps = chartSteps(trace, { dockerfiles });
    const md = renderMarkdown(
      {
        key: 'k',
        status: 'failed',
        failure: { category: 'step', reason: 'r', message: 'm' },
        attempts: [],
        nodes: [],
        findings: [],
        stats: { durationMs: 1, steps: 1, cachedSteps: 0, contextBytes: 0, platforms: [] },
        steps,
        secrets: [],
        targets: [
          { name: 'app', status: 'success', digest: 'sha256:abc' },
          { name: 'test', status: 'failed', digest: '' },
        ],
      },
      { limit: { max: 60_000, unit: 'chars' }, full: true },
    );
    expect(md).toContain('❌ **Bake failed** at target `test` · step');
    expect(md).toContain('| `test` | ❌ failed | - |');
    expect(md).toContain('| `app` | ✅ success | `sha256:abc` |');
    expect(md).toMatch(/section test\n[^]*section app|section app\n[^]*section test/);
  });
});

describe('inputs', () => {
  const src = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

  test('any bake input makes the step a bake, with bake-action semantics', () => {
    const c = parseConfig(
      src({ targets: 'app, test', set: '*.platform=linux/amd64,linux/arm64', files: 'a.hcl\nb.hcl' }),
      {},
    );
    expect(c.bake).toEqual({
      files: ['a.hcl', 'b.hcl'],
      targets: ['app', 'test'],
      set: ['*.platform=linux/amd64,linux/arm64'],
      workdir: '.',
      source: '',
      isolation: 'none',
      parallelism: 0,
    });
    expect(parseConfig(src({}), {}).bake).toBeUndefined();
  });

  test.each([
    [
      { targets: 'app', tags: 'x:1', 'build-args': 'A=1' },
      /Input 'targets' runs docker buildx bake, which takes 'tags', 'build-args' from the bake file/,
    ],
    [{ files: 'x.hcl', context: 'sub' }, /takes 'context' from the bake file/],
    [{ targets: 'app', 'cache-mode': 'local' }, /takes 'cache-mode'/],
    [{ targets: 'app;rm' }, /Input 'targets' lists bake targets or groups .* got 'app;rm'/],
    [
      { targets: 'app', set: 'platform=linux/amd64' },
      /Each line of input 'set' must be target\.key=value .* got 'platform=linux\/amd64'/,
    ],
  ])('%j is an input error', (inputs, message) => {
    expect(() => parseConfig(src(inputs), {})).toThrow(message);
  });

  test('shared inputs pass through: push, load, no-cache, pull, provenance, sbom, allow', () => {
    const c = parseConfig(
      src({
        targets: 'app',
        push: 'true',
        'no-cache': 'true',
        pull: 'true',
        provenance: 'mode=max',
        sbom: 'true',
        allow: 'fs.read=/x',
      }),
      {},
    );
    expect(bakeArgs(c.bake!, c.build, { builder: 'b', metadataFile: '/m.json' })).toEqual([
      'bake',
      '--builder',
      'b',
      '--progress=rawjson',
      '--metadata-file',
      '/m.json',
      '--push',
      '--no-cache',
      '--pull',
      '--provenance=mode=max',
      '--sbom=true',
      '--allow',
      'fs.read=/x',
      'app',
    ]);
  });

  test('files, set and a remote source go before the targets', () => {
    const c = parseConfig(
      src({ source: 'https://github.com/o/r.git#main', files: 'a.hcl', set: 'app.tags=x:1', targets: 'app' }),
      {},
    );
    expect(bakeArgs(c.bake!, c.build, { builder: 'b', metadataFile: 'm' }).slice(6)).toEqual([
      'https://github.com/o/r.git#main',
      '--file',
      'a.hcl',
      '--set',
      'app.tags=x:1',
      'app',
    ]);
  });

  test('the github-token reaches only a remote source on the run server, over https', () => {
    const bake = { files: [], targets: [], set: [], workdir: '.', source: 'https://github.com/o/r.git' };
    expect(bakeEnv(bake, 'tok', 'https://github.com')).toEqual({ BUILDX_BAKE_GIT_AUTH_TOKEN: 'tok' });
    expect(bakeEnv({ ...bake, source: 'http://github.com/o/r.git' }, 'tok', 'https://github.com')).toEqual(
      {},
    );
    expect(bakeEnv({ ...bake, source: 'https://evil.example/o/r.git' }, 'tok', 'https://github.com')).toEqual(
      {},
    );
    expect(bakeEnv({ ...bake, source: '' }, 'tok', 'https://github.com')).toEqual({});
  });
});

describe("targets' results", () => {
  const metadata = JSON.stringify({
    app: { 'containerimage.digest': 'sha256:d', 'containerimage.config.digest': 'sha256:c' },
    'buildx.build.warnings': [],
  });

  test('success: every target with its digest', () => {
    expect(targetResults(['app'], metadata, { success: true, failedTargets: [], builtTargets: [] })).toEqual([
      { name: 'app', status: 'success', digest: 'sha256:d', imageid: 'sha256:c' },
    ]);
  });

  test('failure: the failing target, those built before it, and those it cancelled', () => {
    expect(
      targetResults(['app', 'test', 'docs'], '', {
        success: false,
        failedTargets: ['test'],
        builtTargets: ['app'],
      }).map((t) => [t.name, t.status]),
    ).toEqual([
      ['app', 'success'],
      ['test', 'failed'],
      ['docs', 'cancelled'],
    ]);
  });

  test('a failed bake from a real log: test failed, app not blamed', async () => {
    const trace = await readTrace(join(fixture, '0.29.1-plain.log'));
    const r = bakeResult('/nonexistent/metadata.json', ['app', 'test'], false, trace);
    expect(r.targets.find((t) => t.name === 'test')?.status).toBe('failed');
    expect(r.targets.find((t) => t.name === 'app')?.status).toBe('success');
    expect(r.digest).toBe('');
  });
});
