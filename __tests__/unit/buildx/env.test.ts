// Every child (buildx, bake, docker) runs with the job's environment minus the runner's credentials,
// the action's inputs and state, and the file-command paths (real child processes, no engine).
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCommand } from '../../../src/attempts/args.js';
import { resolveBake } from '../../../src/attempts/bake.js';
import { parseConfig } from '../../../src/config/config.js';
import { removeBuilder } from '../../../src/builder/display.js';
import { Buildx, childEnv, deniedVariable } from '../../../src/buildx/buildx.js';

const root = mkdtempSync(join(tmpdir(), 'bxg-env-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The job's environment on a runner, with every credential the runner and a workflow put there. */
const DENIED = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
  ACTIONS_RUNTIME_URL: 'http://127.0.0.1:1/runtime/',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-token-value',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/id',
  ACTIONS_CACHE_URL: 'http://127.0.0.1:1/cache/',
  ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/results/',
  ACTIONS_CACHE_SERVICE_V2: 'True',
  'INPUT_GITHUB-TOKEN': 'input-token-value',
  INPUT_SECRETS: 'A=input-secret-value',
  STATE_builder: 'b',
  GITHUB_TOKEN: 'env-token-value',
  GH_TOKEN: 'gh-token-value',
  GITHUB_ENV: '/runner/_temp/set_env',
  GITHUB_PATH: '/runner/_temp/add_path',
  GITHUB_OUTPUT: '/runner/_temp/set_output',
  GITHUB_STATE: '/runner/_temp/save_state',
  GITHUB_STEP_SUMMARY: '/runner/_temp/step_summary',
  DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND: '/usr/bin/docker',
};
const KEPT = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: root,
  DOCKER_HOST: 'unix:///nowhere.sock',
  BUILDX_CONFIG: join(root, 'buildx'),
  HTTPS_PROXY: 'http://127.0.0.1:3128',
  GITHUB_REPOSITORY: 'o/r',
  GITHUB_SHA: 'abc',
  GITHUB_ACTIONS: 'true',
  MY_JOB_VARIABLE: 'kept',
};
const jobEnv: NodeJS.ProcessEnv = { ...KEPT, ...DENIED };

/** A `docker` (and a buildx plugin) that records its argv and environment, one file per run. */
function recorder(name: string, stdout = ''): string {
  const path = join(root, name);
  writeFileSync(
    path,
    `#!${process.execPath}\nconst fs = require('fs');\nfs.writeFileSync(${JSON.stringify(path)} + '.' + process.pid + '.ran', JSON.stringify({ argv: process.argv.slice(2), env: process.env }));\nprocess.stdout.write(${JSON.stringify(stdout)});\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

function runs(name: string): { argv: string[]; env: Record<string, string> }[] {
  return readdirSync(root)
    .filter((f) => f.startsWith(`${name}.`) && f.endsWith('.ran'))
    .map((f) => JSON.parse(readFileSync(join(root, f), 'utf8')));
}

function expectScrubbed(env: Record<string, string>) {
  for (const k of Object.keys(DENIED)) expect([k, env[k]]).toEqual([k, undefined]);
  for (const [k, v] of Object.entries(KEPT)) expect([k, env[k]]).toEqual([k, v]);
  // No value of a denied variable under any other name either.
  const values = Object.values(env).join('\n');
  for (const v of Object.values(DENIED)) if (v.length > 8) expect(values).not.toContain(v);
}

test('the deny list: the runner credentials, inputs, state, token variables and file-command paths', () => {
  for (const k of Object.keys(DENIED)) expect([k, deniedVariable(k)]).toEqual([k, true]);
  for (const k of Object.keys(KEPT)) expect([k, deniedVariable(k)]).toEqual([k, false]);
  // What a caller adds on purpose for one command is kept (BUILDX_BAKE_GIT_AUTH_TOKEN, a build-arg).
  expect(childEnv(jobEnv, { BUILDX_BAKE_GIT_AUTH_TOKEN: 't', API_TOKEN: 'v' })).toMatchObject({
    BUILDX_BAKE_GIT_AUTH_TOKEN: 't',
    API_TOKEN: 'v',
  });
});

test('every child: version, bake --print, rm, docker info, plugin and docker CLI runs all get the scrubbed environment', async () => {
  const docker = recorder('docker');
  const plugin = recorder('docker-buildx', JSON.stringify({ target: { app: { context: '.' } } }));
  const viaCli = new Buildx(docker, jobEnv);
  const direct = new Buildx(docker, jobEnv, plugin);
  await viaCli.docker(['info']);
  await viaCli.buildx(['imagetools', 'inspect', 'x'], { env: { BUILDX_METADATA_PROVENANCE: 'disabled' } });
  await direct.buildx(['build', '--build-arg', 'A', '.'], { env: { A: 'v' } });
  await removeBuilder(direct, 'b');
  await direct.version().catch(() => undefined);
  writeFileSync(join(root, 'docker-bake.hcl'), 'target "app" {}\n');
  await resolveBake({ source: '.', files: [], targets: ['app'], set: [], workdir: '.' }, direct, {
    cwd: root,
  });
  const all = [...runs('docker'), ...runs('docker-buildx')];
  expect(all.map((r) => (r.argv[0] === 'buildx' ? r.argv[1] : r.argv[0])).sort()).toEqual(
    ['bake', 'build', 'imagetools', 'info', 'rm', 'version'].sort(),
  );
  for (const r of all) expectScrubbed(r.env);
  expect(all.find((r) => r.argv.includes('build'))?.env.A).toBe('v');
});

test('only src/buildx/buildx.ts starts processes (every child passes through childEnv)', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk('src');
  const spawning = files.filter((f) =>
    /from ['"](?:node:)?child_process['"]|require\(['"](?:node:)?child_process/.test(readFileSync(f, 'utf8')),
  );
  expect(spawning).toEqual([join('src', 'buildx', 'buildx.ts')]);
});

test('build-arg values are never on argv; a name buildx reads itself stays on argv, refused when secret-like', () => {
  const files = { builder: 'b', metadataFile: '/m.json', iidFile: '/iid', secretSpecs: [] };
  const command = (buildArgs: string, env: NodeJS.ProcessEnv = {}) =>
    buildCommand(parseConfig((n) => (n === 'build-args' ? buildArgs : ''), {}).build, files, env);
  const argsOf = (argv: string[]) => argv.filter((_, i) => argv[i - 1] === '--build-arg');
  const values = ['s3cr3t-value', 'multi word, with = signs', 'gk-123', ''];
  const { args, env } = command(
    `API_TOKEN=${values[0]}\nNOTE=${values[1]}\nGOOGLE_API_KEY=${values[2]}\nEMPTY=${values[3]}`,
  );
  expect(argsOf(args)).toEqual(['API_TOKEN', 'NOTE', 'GOOGLE_API_KEY', 'EMPTY']);
  for (const v of values.filter(Boolean)) expect(args.join('\n')).not.toContain(v);
  expect(env).toEqual({ API_TOKEN: values[0], NOTE: values[1], GOOGLE_API_KEY: values[2], EMPTY: '' });
  // PATH, HOME, a proxy: on argv, so the child's own PATH/HOME/proxy are not replaced.
  const own = command('PATH=/opt/bin\nHOME=/root\nhttp_proxy=http://p:3128');
  expect(own.env).toEqual({});
  expect(argsOf(own.args)).toEqual(['PATH=/opt/bin', 'HOME=/root', 'http_proxy=http://p:3128']);
  // One of those named like a secret: one sentence, the input named.
  expect(() => command('DOCKER_TOKEN=abc')).toThrow(
    /^Build-arg 'DOCKER_TOKEN' is named like a secret and like a variable buildx itself reads, so its value could only go on the command line; rename it or pass it with 'secrets'\.$/,
  );
});
