import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArgs } from '../../../src/builder/create.js';
import { tlsDriverOpts } from '../../../src/builder/tls.js';
import { parseConfig } from '../../../src/config/config.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
/** A folder `tls` (not yet created) inside a fresh temporary folder, removed after the file. */
function tlsDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'bxg-tls-'));
  dirs.push(parent);
  return join(parent, 'tls');
}

test('PEMs from BUILDER_NODE_<i>_AUTH_TLS_* become private files and driver-opts; the key is a secret', () => {
  const dir = tlsDir();
  const env = {
    BUILDER_NODE_1_AUTH_TLS_CACERT: 'CA PEM',
    BUILDER_NODE_1_AUTH_TLS_CERT: 'CERT PEM',
    BUILDER_NODE_1_AUTH_TLS_KEY: 'KEY PEM',
  };
  const r = tlsDriverOpts(1, ['servername=buildkit'], env, dir);
  expect(r.driverOpts).toEqual([
    'servername=buildkit',
    `cacert=${join(dir, 'node1-cacert.pem')}`,
    `cert=${join(dir, 'node1-cert.pem')}`,
    `key=${join(dir, 'node1-key.pem')}`,
  ]);
  expect(readFileSync(join(dir, 'node1-key.pem'), 'utf8')).toBe('KEY PEM');
  expect(statSync(join(dir, 'node1-key.pem')).mode & 0o777).toBe(0o600);
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  expect(r.secrets).toEqual(['KEY PEM']);
});

test('an explicit cacert= driver-opt wins over the environment; other nodes are untouched', () => {
  const dir = tlsDir();
  const r = tlsDriverOpts(
    0,
    ['cacert=/etc/ca.pem'],
    { BUILDER_NODE_0_AUTH_TLS_CACERT: 'x', BUILDER_NODE_1_AUTH_TLS_KEY: 'y' },
    dir,
  );
  expect(r).toEqual({ driverOpts: ['cacert=/etc/ca.pem'], secrets: [] });
});

test('create argv: first node creates, the others append, with platforms, flags and config file', () => {
  const c = parseConfig(
    (n) =>
      ({
        driver: 'remote',
        name: 'b',
        nodes:
          '- name: a\n  endpoint: tcp://h:1\n  platforms: [linux/amd64, linux/386]\n  buildkitd-flags: --debug\n- name: c\n  endpoint: tcp://h:2',
      })[n] ?? '',
    {},
  ).builder;
  expect(createArgs(c, c.nodes[0], 0, ['cacert=/ca'], '/tmp/a.toml')).toEqual([
    'create',
    '--name',
    'b',
    '--driver',
    'remote',
    '--node',
    'a',
    '--driver-opt',
    'cacert=/ca',
    '--platform',
    'linux/amd64,linux/386',
    '--buildkitd-flags',
    '--debug',
    '--buildkitd-config',
    '/tmp/a.toml',
    'tcp://h:1',
  ]);
  expect(createArgs(c, c.nodes[1], 1, [])).toEqual([
    'create',
    '--name',
    'b',
    '--driver',
    'remote',
    '--node',
    'c',
    '--append',
    'tcp://h:2',
  ]);
});
