// Parsers of buildx's builder output, on output captured from real buildx (scripts/testbed/capture.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBuildxVersion, atLeast } from '../../../src/buildx/buildx.js';
import {
  finalError,
  parseBootProgress,
  parseInspect,
  parseLsJson,
  splitPlatforms,
} from '../../../src/builder/state.js';
import { NodesDownError } from '../../../src/builder/bootstrap.js';
import { repoRoot } from '../../support/paths.js';

const fixture = (version: string, name: string) =>
  readFileSync(join(repoRoot, '__fixtures__', 'buildx', version, name), 'utf8');

describe.each(['0.29.1', '0.13.1'])('buildx %s', (version) => {
  test('ls --format json: one node running, one inactive', () => {
    const state = parseLsJson(fixture(version, 'ls-one-down.jsonl'), 'fixture');
    expect(state).toBeDefined();
    expect(state!.driver).toBe('remote');
    expect(state!.nodes.map((n) => [n.name, n.endpoint, n.status])).toEqual([
      ['up', 'tcp://127.0.0.1:1234', 'running'],
      ['down', 'tcp://127.0.0.1:1235', 'inactive'],
    ]);
    expect(state!.nodes[0].platforms).toEqual([
      'linux/amd64',
      'linux/amd64/v2',
      'linux/amd64/v3',
      'linux/386',
    ]);
    expect(state!.nodes[0].buildkit).toBe('v0.0.0+unknown');
    expect(state!.unknown).toEqual([]);
  });

  test('ls --format json: a node with Err is in error', () => {
    const state = parseLsJson(fixture(version, 'ls-error.jsonl'), 'ctxerr');
    expect(state!.nodes).toEqual([
      {
        name: 'gone',
        endpoint: 'fixture-gone',
        status: 'error',
        error: 'unable to parse docker host `fixture-gone`',
        buildkit: '',
        platforms: [],
      },
    ]);
  });

  test('ls --format json: a builder that is not listed is undefined', () => {
    expect(parseLsJson(fixture(version, 'ls-one-down.jsonl'), 'nope')).toBeUndefined();
  });

  test('inspect text: one node running, one inactive', () => {
    const state = parseInspect(fixture(version, 'inspect-one-down.txt'));
    expect(state.name).toBe('fixture');
    expect(state.driver).toBe('remote');
    expect(state.nodes.map((n) => [n.name, n.endpoint, n.status, n.buildkit])).toEqual([
      ['up', 'tcp://127.0.0.1:1234', 'running', 'v0.0.0+unknown'],
      ['down', 'tcp://127.0.0.1:1235', 'inactive', ''],
    ]);
    expect(state.nodes[0].platforms).toEqual([
      'linux/amd64',
      'linux/amd64/v2',
      'linux/amd64/v3',
      'linux/386',
    ]);
    expect(state.unknown).toEqual([]);
  });

  test('inspect --bootstrap text with Error: exits 0, and the parser reads the node as error', () => {
    expect(fixture(version, 'inspect-error.exit-code.txt').trim()).toBe('0');
    const state = parseInspect(fixture(version, 'inspect-error.txt'));
    expect(state.nodes).toEqual([
      expect.objectContaining({
        name: 'gone',
        status: 'error',
        error: 'unable to parse docker host `fixture-gone`',
      }),
    ]);
  });

  test('bootstrap progress: the one node left to boot is labelled [internal]', () => {
    const stderr = fixture(version, 'inspect-bootstrap.stderr.txt');
    expect(parseBootProgress(stderr, ['down'])).toEqual(new Map([['down', 'context deadline exceeded']]));
    expect(finalError(stderr)).toBe('context deadline exceeded');
  });

  test('version', () => {
    const v = parseBuildxVersion(fixture(version, 'version.txt'));
    expect(`${v.major}.${v.minor}.${v.patch}`).toBe(version);
    expect(atLeast(v, 0, 13)).toBe(true);
  });
});

test('bootstrap progress names nodes when several boot', () => {
  // As buildx 0.29.1 printed it on the test bed for nodes a (late) and b (dead).
  const stderr = `#1 [b internal] waiting for connection
#1 ...

#2 [a internal] waiting for connection
#2 DONE 4.0s

#1 [b internal] waiting for connection
#1 ERROR: context deadline exceeded
------
 > [b internal] waiting for connection:
------
ERROR: context deadline exceeded
`;
  expect(parseBootProgress(stderr, ['a', 'b'])).toEqual(new Map([['b', 'context deadline exceeded']]));
});

test('platform lists drop the user-set marker', () => {
  expect(splitPlatforms('linux/amd64*, linux/amd64/v2, linux/386')).toEqual([
    'linux/amd64',
    'linux/amd64/v2',
    'linux/386',
  ]);
});

test('an old buildx without ls --format reads as below 0.13', () => {
  expect(atLeast(parseBuildxVersion('github.com/docker/buildx v0.12.1 30feaa1'), 0, 13)).toBe(false);
});

describe('builder output edge cases', () => {
  const fx = (v: string, f: string) => readFileSync(join(repoRoot, '__fixtures__', 'buildx', v, f), 'utf8');

  test.each(['0.29.1', '0.13.1'])('inspect text with CRLF reads like LF (buildx %s)', (v) => {
    for (const f of ['inspect-one-down.txt', 'inspect-error.txt', 'inspect-bootstrap.txt']) {
      const lf = parseInspect(fx(v, f));
      expect(parseInspect(fx(v, f).replace(/\n/g, '\r\n'))).toEqual(lf);
    }
  });

  test('an Error: of the builder itself, printed before Nodes:, is the builder’s error', () => {
    const text = fx('0.29.1', 'inspect-error.txt').replace(
      'Nodes:',
      'Error:         failed to find driver "docker-container": context "gone" does not exist\n\nNodes:',
    );
    const state = parseInspect(text);
    expect(state.error).toBe('failed to find driver "docker-container": context "gone" does not exist');
    expect(state.nodes).toHaveLength(1);
  });

  test('the Err field of a builder in ls JSON is the builder’s error', () => {
    const line = JSON.parse(fx('0.29.1', 'ls-error.jsonl').trim());
    const state = parseLsJson(
      JSON.stringify({ ...line, Err: 'context "gone" does not exist', Nodes: [] }),
      'ctxerr',
    );
    expect(state).toMatchObject({ error: 'context "gone" does not exist', nodes: [] });
  });

  test('with no node to blame, the step’s error names the builder’s reason', () => {
    const e = new NodesDownError('ctxerr', [], 0, 'context "gone" does not exist');
    expect(e.message).toBe(`Builder 'ctxerr' has no node that is running: context "gone" does not exist.`);
    expect(new NodesDownError('b', [], 0).message).not.toMatch(/0 of 0/);
  });
});
