// Which buildx binary runs: the Docker CLI's own plugin, found as the CLI finds it, run directly
// (real child processes, no engine).
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buildx, findBuildxPlugin } from '../../../src/buildx/buildx.js';

const root = mkdtempSync(join(tmpdir(), 'bxg-plugin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An executable that records its argv and the plugin marker of its environment. */
function recorder(path: string, mode = 0o755): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(
    path,
    `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(`${path}.ran`)}, JSON.stringify({ argv: process.argv.slice(2), marker: process.env.DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND ?? null }));\n`,
  );
  chmodSync(path, mode);
  return path;
}

function layout(name: string) {
  const dir = join(root, name);
  const config = join(dir, 'config');
  const system = [join(dir, 'usr-local-lib'), join(dir, 'usr-libexec')];
  mkdirSync(config, { recursive: true });
  return { dir, config, system };
}

test('the config folder’s cli-plugins comes first, then the system folders in order', () => {
  const l = layout('order');
  const inSystem = recorder(join(l.system[1], 'docker-buildx'));
  expect(findBuildxPlugin({ DOCKER_CONFIG: l.config }, 'linux', l.system)).toBe(inSystem);
  const inConfig = recorder(join(l.config, 'cli-plugins', 'docker-buildx'));
  expect(findBuildxPlugin({ DOCKER_CONFIG: l.config }, 'linux', l.system)).toBe(inConfig);
});

test('without DOCKER_CONFIG the config folder is ~/.docker', () => {
  const l = layout('home');
  const p = recorder(join(l.dir, '.docker', 'cli-plugins', 'docker-buildx'));
  expect(findBuildxPlugin({ HOME: l.dir }, 'linux', [])).toBe(p);
});

test('no plugin, a file that is not executable, Windows, extra plugin folders or the opt-out: docker buildx', () => {
  const l = layout('none');
  expect(findBuildxPlugin({ DOCKER_CONFIG: l.config }, 'linux', l.system)).toBeUndefined();
  recorder(join(l.config, 'cli-plugins', 'docker-buildx'), 0o644);
  expect(findBuildxPlugin({ DOCKER_CONFIG: l.config }, 'linux', l.system)).toBeUndefined();
  chmodSync(join(l.config, 'cli-plugins', 'docker-buildx'), 0o755);
  expect(findBuildxPlugin({ DOCKER_CONFIG: l.config }, 'linux', l.system)).toBeDefined();
  expect(findBuildxPlugin({ DOCKER_CONFIG: l.config }, 'win32', l.system)).toBeUndefined();
  expect(
    findBuildxPlugin({ DOCKER_CONFIG: l.config, BUILDX_GUARD_DOCKER_CLI: '1' }, 'linux', l.system),
  ).toBeUndefined();
  // The CLI's order with extra folders changed between releases: let the CLI choose.
  writeFileSync(join(l.config, 'config.json'), JSON.stringify({ cliPluginsExtraDirs: ['/opt/x'] }));
  expect(findBuildxPlugin({ DOCKER_CONFIG: l.config }, 'linux', l.system)).toBeUndefined();
  writeFileSync(join(l.config, 'config.json'), '{ not json');
  expect(findBuildxPlugin({ DOCKER_CONFIG: l.config }, 'linux', l.system)).toBeDefined();
});

test('the plugin runs directly, without "buildx" and without the CLI’s plugin marker', async () => {
  const l = layout('run');
  const plugin = recorder(join(l.config, 'cli-plugins', 'docker-buildx'));
  const docker = recorder(join(l.dir, 'docker'));
  const env = { ...process.env, DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND: '/usr/bin/docker' };
  const direct = new Buildx('docker', env, plugin);
  expect((await direct.buildx(['inspect', '--bootstrap', 'b'])).code).toBe(0);
  expect(JSON.parse(readFileSync(`${plugin}.ran`, 'utf8'))).toEqual({
    argv: ['inspect', '--bootstrap', 'b'],
    marker: null,
  });
  // Through the Docker CLI (a path of its own, or no plugin found): `docker buildx …`.
  const viaCli = new Buildx(docker, env);
  expect(viaCli.plugin).toBeUndefined();
  await viaCli.buildx(['version']);
  expect(JSON.parse(readFileSync(`${docker}.ran`, 'utf8')).argv).toEqual(['buildx', 'version']);
  // Other docker commands always go through the CLI.
  await direct.docker(['info']);
  expect(JSON.parse(readFileSync(`${docker}.ran`, 'utf8')).argv).toEqual(['buildx', 'version']);
});
