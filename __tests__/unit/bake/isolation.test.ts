// bake-isolation targets: which targets bake together, one outcome from several bakes, the step's
// error, and the inputs.
import { bakeUnits, definitionOf } from '../../../src/attempts/bake.js';
import { combineOutcomes, type IsolatedRun } from '../../../src/attempts/isolated.js';
import type { BuildOutcome } from '../../../src/attempts/run.js';
import { parseConfig } from '../../../src/config/config.js';
import { classification } from '../../../src/diagnosis/classify.js';
import { gfm } from '../../../src/findings/markdown-escape.js';
import { failureMessage } from '../../../src/pipeline.js';
import type { BuildTrace } from '../../../src/trace/types.js';

const src = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

/** What `bake --print` prints: targets with their `target:` contexts, and the asked-for group. */
function printed(targets: Record<string, string[]>, asked: string[]) {
  return {
    group: { default: { targets: asked } },
    target: Object.fromEntries(
      Object.entries(targets).map(([name, links]) => [
        name,
        {
          context: '.',
          'dockerfile-inline': 'FROM scratch',
          contexts: Object.fromEntries(links.map((l) => [l, `target:${l}`])),
        },
      ]),
    ),
  };
}

describe('bakeUnits', () => {
  test('independent targets bake alone, in the definition order', () => {
    const def = definitionOf(printed({ a: [], b: [], c: [] }, ['a', 'b', 'c']), '/w');
    expect(bakeUnits(def).map((u) => [u.name, u.requested])).toEqual([
      ['a', ['a']],
      ['b', ['b']],
      ['c', ['c']],
    ]);
  });

  test('a linked dependency bakes with the target that needs it, and is never on the command line unless asked for', () => {
    // app needs base (linked only: `--print` adds it, the group does not ask for it).
    const def = definitionOf(printed({ app: ['base'], base: [], other: [] }, ['app', 'other']), '/w');
    const units = bakeUnits(def);
    expect(units.map((u) => [u.name, u.requested, u.targets.map((t) => t.name).sort()])).toEqual([
      ['app', ['app'], ['app', 'base']],
      ['other', ['other'], ['other']],
    ]);
  });

  test('two targets sharing a dependency, and a chain, are one bake (base is built once)', () => {
    const def = definitionOf(
      printed({ api: ['base'], web: ['base'], base: [], cli: ['lib'], lib: ['core'], core: [] }, [
        'api',
        'web',
        'cli',
      ]),
      '/w',
    );
    expect(bakeUnits(def).map((u) => [u.name, u.requested])).toEqual([
      ['api', ['api', 'web']],
      ['cli', ['cli']],
    ]);
    expect(
      bakeUnits(def)[1]
        .targets.map((t) => t.name)
        .sort(),
    ).toEqual(['cli', 'core', 'lib']);
  });

  test('a requested dependency joins its dependant; links to targets outside the definition are ignored', () => {
    const def = definitionOf(printed({ app: ['base', 'elsewhere'], base: [] }, ['base', 'app']), '/w');
    expect(bakeUnits(def).map((u) => u.requested)).toEqual([['app', 'base']]);
  });

  test('without a printed group every target is asked for', () => {
    const def = definitionOf({ target: { a: { context: '.' }, b: { context: '.' } } }, '/w');
    expect(def.requested).toBeUndefined();
    expect(bakeUnits(def).map((u) => u.name)).toEqual(['a', 'b']);
  });
});

const trace = (error?: string): BuildTrace => ({
  format: 'rawjson',
  steps: [],
  warnings: [],
  contextBytes: 0,
  platforms: [],
  durationMs: 1000,
  unreadLines: 0,
  tail: [],
  ...(error ? { error } : {}),
});

function unitOutcome(name: string, attempts: number, failed?: string): BuildOutcome {
  return {
    success: !failed,
    attempts: Array.from({ length: attempts }, (_, i) => ({
      number: i + 1,
      exitCode: failed || i < attempts - 1 ? 1 : 0,
      durationMs: 1000,
      logFile: `/t/${name}-${i}.log`,
      timedOut: false,
      cancelled: false,
      trace: trace(failed && i === attempts - 1 ? `failed to solve: ${name} broke` : undefined),
    })),
    ...(failed ? { failure: classification(failed as 'step', `${name} failed`) } : {}),
    metadata: failed ? '' : JSON.stringify({ [name]: { 'containerimage.digest': `sha256:${name}` } }),
    imageid: '',
    digest: '',
    targets: [
      {
        name,
        status: failed ? 'failed' : 'success',
        digest: failed ? '' : `sha256:${name}`,
        imageid: '',
      },
    ],
  };
}

function isolated(...outcomes: [string, number, string?][]): IsolatedRun {
  return {
    wallMs: 5000,
    units: outcomes.map(([name, n, failed]) => ({
      unit: { name, requested: [name], targets: [{ name, platforms: [] }] },
      outcome: unitOutcome(name, n, failed),
    })),
  };
}

describe('combineOutcomes and the step error', () => {
  test('every bake succeeded: success, metadata keyed by target, attempts per target', () => {
    const o = combineOutcomes(isolated(['app', 1], ['slow', 2]));
    expect(o.success).toBe(true);
    expect(o.failure).toBeUndefined();
    expect(Object.keys(JSON.parse(o.metadata))).toEqual(['app', 'slow']);
    expect(o.targets?.map((t) => [t.name, t.status, t.attempts, t.category])).toEqual([
      ['app', 'success', 1, undefined],
      ['slow', 'success', 2, undefined],
    ]);
    expect(o.attempts.map((a) => [a.bake, a.number])).toEqual([
      ['app', 1],
      ['slow', 1],
      ['slow', 2],
    ]);
  });

  test('two bakes failed: the step fails, names each failed target with its category and line, and only those', () => {
    const o = combineOutcomes(isolated(['api', 1, 'step'], ['web', 1], ['worker', 3, 'auth']));
    expect(o.success).toBe(false);
    expect(o.failure?.category).toBe('step');
    const message = failureMessage(o, [
      {
        rule: 'build-failed',
        severity: 'error',
        title: 'x',
        message: gfm`x`,
        file: 'api/Dockerfile',
        line: 12,
        target: 'api',
      },
    ]);
    expect(message).toBe(
      '2 of 3 targets failed: api (step, api/Dockerfile:12), worker (auth); the other targets ran to the end. First error (api): failed to solve: api broke.',
    );
  });
});

describe('inputs', () => {
  test('bake-isolation and bake-parallelism are read with a bake', () => {
    const c = parseConfig(src({ targets: 'a,b', 'bake-isolation': 'targets', 'bake-parallelism': '2' }), {});
    expect(c.bake).toMatchObject({ isolation: 'targets', parallelism: 2 });
    expect(parseConfig(src({ targets: 'a' }), {}).bake).toMatchObject({ isolation: 'none', parallelism: 0 });
  });

  test('a bad value, or isolation without a bake, is one sentence naming the input', () => {
    expect(() => parseConfig(src({ targets: 'a', 'bake-isolation': 'yes' }), {})).toThrow(
      "Input 'bake-isolation' must be one of none, targets; got 'yes'.",
    );
    expect(() => parseConfig(src({ 'bake-isolation': 'targets' }), {})).toThrow(
      "Input 'bake-isolation' says how to run docker buildx bake, and this step builds: add 'files' or 'targets' to bake, or remove 'bake-isolation'.",
    );
    expect(() => parseConfig(src({ targets: 'a', 'bake-parallelism': '-1' }), {})).toThrow(
      /Input 'bake-parallelism' must be a whole number from 0 to 64/,
    );
  });
});
