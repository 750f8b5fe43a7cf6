import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../../src/config/config.js';
import { UserError } from '../../../src/config/errors.js';
import { getBoolean, getList, getNumber, type InputSource } from '../../../src/config/inputs.js';

const from =
  (inputs: Record<string, string>): InputSource =>
  (name) =>
    inputs[name] ?? '';

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('input readers', () => {
  test.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['FALSE', false],
    ['', true],
  ])('boolean %p reads as %p', (v, expected) => {
    expect(getBoolean(from({ cleanup: v }), 'cleanup', true)).toBe(expected);
  });

  test.each(['yes', '1', 'on', 'ture'])('boolean %p is an error naming the input', (v) => {
    const e = errorOf(() => getBoolean(from({ cleanup: v }), 'cleanup', true));
    expect(e.message).toBe(`Input 'cleanup' must be true or false, got '${v}'.`);
    expect(e.input).toBe('cleanup');
  });

  test('lists split on newlines and commas, drop comments and blanks, honour quotes', () => {
    const src = from({ tags: 'a:1, a:2\n\n# a comment\n  b:3  \n"c,d"' });
    expect(getList(src, 'tags')).toEqual(['a:1', 'a:2', 'b:3', 'c,d']);
  });

  test('multiline lists with ignoreComma keep commas inside items', () => {
    const src = from({ 'build-args': 'A=1,2\nB=x y\n' });
    expect(getList(src, 'build-args', { ignoreComma: true })).toEqual(['A=1,2', 'B=x y']);
  });

  test.each(['-1', '1.5', 'ten', '99999'])('number %p out of range is an error with the range', (v) => {
    const e = errorOf(() =>
      getNumber(from({ 'bootstrap-timeout': v }), 'bootstrap-timeout', 120, { min: 1, max: 3600 }),
    );
    expect(e.message).toBe(`Input 'bootstrap-timeout' must be a whole number from 1 to 3600, got '${v}'.`);
  });
});

describe('builder config', () => {
  const env = { GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'build' };

  test('defaults: docker-container, one node, strict timeouts, cleanup on', () => {
    const c = parseConfig(from({}), env).builder;
    expect(c.driver).toBe('docker-container');
    expect(c.name).toMatch(/^buildx-guard-42-1-build-[a-z0-9]+$/);
    expect(c.nodes).toHaveLength(1);
    expect(c.nodes[0]).toMatchObject({ name: `${c.name}0`, endpoint: '', platforms: [] });
    expect(c).toMatchObject({
      bootstrapTimeoutSeconds: 120,
      bootstrapRetries: 2,
      cleanup: true,
      existing: '',
    });
  });

  test('two steps in one job get different default names', () => {
    expect(parseConfig(from({}), env).builder.name).not.toBe(parseConfig(from({}), env).builder.name);
  });

  test('nodes YAML: names, endpoints, platforms as list or comma string, driver-opts', () => {
    const nodes = `
- name: amd
  endpoint: tcp://10.0.0.1:1234
  platforms: linux/amd64,linux/386
  driver-opts:
    - cacert=/certs/ca.pem
    - cert=/certs/cert.pem
- name: arm
  endpoint: tcp://10.0.0.2:1234
  platforms: [linux/arm64]
  buildkitd-flags: --debug
  buildkitd-config-inline: |
    [worker.oci]
      max-parallelism = 4
`;
    const c = parseConfig(from({ driver: 'remote', nodes, name: 'multi' }), env).builder;
    expect(c.nodes).toEqual([
      {
        name: 'amd',
        endpoint: 'tcp://10.0.0.1:1234',
        platforms: ['linux/amd64', 'linux/386'],
        driverOpts: ['cacert=/certs/ca.pem', 'cert=/certs/cert.pem'],
        buildkitdFlags: '',
        buildkitdConfigInline: '',
      },
      {
        name: 'arm',
        endpoint: 'tcp://10.0.0.2:1234',
        platforms: ['linux/arm64'],
        driverOpts: [],
        buildkitdFlags: '--debug',
        buildkitdConfigInline: '[worker.oci]\n  max-parallelism = 4\n',
      },
    ]);
  });

  test.each([
    [
      { driver: 'podman' },
      "Input 'driver' must be one of docker-container, remote, kubernetes, docker; got 'podman'.",
    ],
    [{ nodes: '- name: a\n  endpoint: [tcp://x' }, /^Input 'nodes' is not valid YAML at line 2: /],
    [{ nodes: 'name: a' }, "Input 'nodes' must be a YAML list of nodes (each with 'name' and 'endpoint')."],
    [
      { driver: 'remote', nodes: '- name: a\n  endpoint: tcp://h:1\n- name: a\n  endpoint: tcp://h:2' },
      "Input 'nodes' names node 'a' twice; node names must be unique.",
    ],
    [{ nodes: '- name: a\n  endpont: tcp://h:1' }, /^Item 1 of input 'nodes' has unknown key 'endpont'/],
    [{ driver: 'remote' }, /^The remote driver needs an endpoint for node/],
    [
      { driver: 'remote', endpoint: 'tcp://host' },
      "Endpoint 'tcp://host' (endpoint) needs a host and a port, e.g. tcp://buildkitd:1234.",
    ],
    [
      { driver: 'remote', endpoint: 'ftp://host:1' },
      /^Endpoint 'ftp:\/\/host:1' \(endpoint\) is not a valid URL/,
    ],
    [
      { driver: 'remote', endpoint: 'my-context' },
      /is neither a URL nor a Docker context name usable by the remote driver/,
    ],
    [
      { endpoint: 'bad name!' },
      /^Endpoint 'bad name!' \(endpoint\) is neither a URL nor a Docker context name\.$/,
    ],
    [{ name: 'has space' }, /^Input 'name' must start with a letter or digit/],
    [{ builder: 'existing', endpoint: 'tcp://h:1' }, /^Input 'builder' uses an existing builder/],
    [
      { 'bootstrap-retries': '11' },
      "Input 'bootstrap-retries' must be a whole number from 0 to 10, got '11'.",
    ],
  ])('rejects %p with one sentence', (inputs, message) => {
    const e = errorOf(() => parseConfig(from(inputs), env));
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
    expect(e.message.split('\n')).toHaveLength(1);
  });

  test('a Docker context name is a valid endpoint for docker-container', () => {
    expect(parseConfig(from({ endpoint: 'remote-ctx' }), env).builder.nodes[0].endpoint).toBe('remote-ctx');
  });

  test('single-node inputs and nodes together are rejected', () => {
    const e = errorOf(() => parseConfig(from({ nodes: '- name: a', endpoint: 'tcp://h:1' }), env));
    expect(e.message).toMatch(/^Set either 'nodes' or the single-node inputs/);
  });
});

describe('hardening: inputs that used to be accepted and fail later', () => {
  const cfg = (inputs: Record<string, string>) => parseConfig((n) => inputs[n] ?? '', {});
  test('a tcp endpoint with a path is an input error, not a network failure', () => {
    expect(() => cfg({ driver: 'remote', endpoint: 'tcp://buildkitd:1234/x' })).toThrow(
      "Endpoint 'tcp://buildkitd:1234/x' (endpoint) has a path; a tcp endpoint is only host and port, e.g. tcp://buildkitd:1234.",
    );
    expect(() => cfg({ driver: 'remote', endpoint: 'tcp://buildkitd:1234' })).not.toThrow();
  });
  test('builder: --help is not a builder name', () => {
    expect(() => cfg({ builder: '--help' })).toThrow(
      /^Input 'builder' must be the name of an existing builder/,
    );
  });
  test('sarif-file stays inside the workspace or RUNNER_TEMP', () => {
    const env = { GITHUB_WORKSPACE: '/tmp', RUNNER_TEMP: '/var/tmp' };
    expect(parseConfig((n) => (n === 'sarif-file' ? 'out/x.sarif' : ''), env).report.sarifFile).toBe(
      join(realpathSync('/tmp'), 'out', 'x.sarif'),
    );
    for (const bad of ['../etc/x.sarif', '/etc/passwd', '/tmp/../etc/x'])
      expect(() => parseConfig((n) => (n === 'sarif-file' ? bad : ''), env)).toThrow(
        /^Input 'sarif-file' must be a path inside/,
      );
  });
});

test('tcp:// nodes with no driver set: an input error asking for the driver (not raw HTTP/2 bytes later)', () => {
  const cfg = (inputs: Record<string, string>) => parseConfig((n) => inputs[n] ?? '', {});
  expect(() => cfg({ endpoint: 'tcp://buildkitd:1234' })).toThrow(
    "Nodes with tcp:// endpoints need input 'driver' set: 'remote' for BuildKit daemons",
  );
  expect(() => cfg({ driver: 'remote', endpoint: 'tcp://buildkitd:1234' })).not.toThrow();
  expect(() => cfg({ driver: 'docker-container', endpoint: 'tcp://dockerd:2375' })).not.toThrow();
});

test.each([
  ['version', 'v0.29.1', 'docker/setup-buildx-action with version before this step'],
  ['use', 'true', 'remove use'],
  ['keep-state', 'true', 'cleanup: false keeps the builder'],
  ['buildkitd-config', '.github/buildkitd.toml', 'buildkitd-config-inline'],
])("setup-buildx-action's %s is refused by name with what to do instead", (name, value, instead) => {
  const e = errorOf(() => parseConfig(from({ [name]: value })));
  expect(
    e.message.startsWith(
      `Input '${name}' is docker/setup-buildx-action's and is not an input of buildx-guard: `,
    ),
  ).toBe(true);
  expect(e.message).toContain(instead);
  expect(e.message.split('. ').length).toBe(1);
});

// Issue 28: inputs the step accepted and ignored for what it did; each is now one sentence naming it.
const MERGE = { 'merge-sources': `r/a@sha256:${'0'.repeat(64)}`, tags: 'r/a:1' };
test.each([
  [{ ...MERGE, labels: 'a=b' }, 'labels', "Input 'merge-sources' merges existing images instead of building"],
  [{ ...MERGE, push: 'true' }, 'push', "so 'push' cannot be set with it"],
  [{ ...MERGE, driver: 'remote', endpoint: 'tcp://h:1234' }, 'driver', "'driver', 'endpoint' cannot be set"],
  [{ ...MERGE, build: 'false' }, 'build', "so 'build' cannot be set with it"],
  [{ ...MERGE, 'context-size-warn-mb': '1' }, 'context-size-warn-mb', "'context-size-warn-mb'"],
  [{ build: 'false', tags: 'r/a:1' }, 'tags', "Input 'tags' does nothing with build: false"],
  [{ build: 'false', 'stall-timeout-seconds': '60' }, 'stall-timeout-seconds', "'stall-timeout-seconds'"],
  [
    { build: 'false', platforms: 'linux/arm64' },
    'platforms',
    "Input 'platforms' does nothing with build: false",
  ],
  [{ build: 'false', files: 'docker-bake.hcl' }, 'files', "Input 'files' does nothing with build: false"],
  [
    { build: 'false', comment: 'off' },
    'comment',
    '(it is taken only when the step builds or bakes or merges)',
  ],
  [
    { build: 'false', 'max-attempts': '5' },
    'max-attempts',
    "Input 'max-attempts' does nothing with build: false",
  ],
  [
    { targets: 'a', 'bake-parallelism': '2' },
    'bake-parallelism',
    "bounds the isolated bakes of 'bake-isolation: targets'",
  ],
  [{ builder: 'b', name: 'n' }, 'name', "Input 'builder' uses an existing builder as it is, so 'name'"],
  [{ builder: 'b', 'buildkitd-flags': '--debug' }, 'buildkitd-flags', 'cannot be set with it'],
  [{ builder: 'b', 'buildkitd-config-inline': 'debug = true' }, 'buildkitd-config-inline', 'remove it'],
])('accepted and ignored before: %j is refused naming %s', (inputs, name, sentence) => {
  const e = errorOf(() => parseConfig(from(inputs), {}));
  expect(e.message).toContain(`'${name}'`);
  expect(e.message).toContain(sentence);
});

test('the runner’s own github-token default is not refused where a step does not use it', () => {
  expect(() => parseConfig(from({ build: 'false', 'github-token': 'ghs_token' }), {})).not.toThrow();
});
