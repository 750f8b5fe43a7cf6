// Every child (buildx, bake, docker) runs with the job's environment minus the runner's credentials,
// the action's inputs and state, and the file-command paths (real child processes, no engine).
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';
import { buildCommand } from '../../../src/attempts/args.js';
import { bakeArgs, bakeEnv, resolveBake } from '../../../src/attempts/bake.js';
import { inspectRecord } from '../../../src/buildx/history.js';
import { createNodes, refuseExisting } from '../../../src/builder/create-nodes.js';
import { hostChecks } from '../../../src/builder/host.js';
import { readState } from '../../../src/builder/status.js';
import { mergeArgs, verifyMerge } from '../../../src/merge/merge.js';
import { parseConfig } from '../../../src/config/config.js';
import { removeBuilder } from '../../../src/builder/display.js';
import { Buildx, childEnv, deniedVariable, parseBuildxVersion } from '../../../src/buildx/buildx.js';

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

test('every child, through its real call site, gets the scrubbed environment (docker CLI and plugin run directly)', async () => {
  const docker = recorder('docker');
  const plugin = recorder('docker-buildx', JSON.stringify({ target: { app: { context: '.' } } }));
  const viaCli = new Buildx(docker, jobEnv);
  const direct = new Buildx(docker, jobEnv, plugin);
  const ignore = () => undefined;
  const deps = (buildx: Buildx) => ({
    buildx,
    version: Promise.resolve(parseBuildxVersion('github.com/docker/buildx v0.29.1 abc')),
    tempDir: join(root, 'step'),
    env: jobEnv,
    info: ignore,
    debug: ignore,
  });
  const config = parseConfig(
    (n) => ({ driver: 'docker-container', 'build-args': 'A=v', 'cache-to': 'type=gha' })[n] ?? '',
    {},
  );
  // docker info (host checks), buildx version, create, inspect, ls, rm.
  await hostChecks('docker', (args) => viaCli.docker(args));
  await viaCli.version().catch(ignore);
  await createNodes(config.builder, deps(direct), ignore, Date.now() + 30_000).catch(ignore);
  await refuseExisting('b', deps(direct)).catch(ignore);
  await readState('b', deps(viaCli)).catch(ignore);
  await removeBuilder(direct, 'b');
  // bake --print and bake (with the token of a remote source on the run's server), build.
  writeFileSync(join(root, 'docker-bake.hcl'), 'target "app" {}\n');
  const bake = {
    source: '.',
    files: [],
    targets: ['app'],
    set: [],
    workdir: '.',
    isolation: 'none' as const,
    parallelism: 0,
  };
  await resolveBake(bake, direct, { cwd: root });
  await direct.buildx(bakeArgs(bake, config.build, { builder: 'b', metadataFile: '/m' }), {
    env: bakeEnv({ ...bake, source: 'https://github.com/o/r.git' }, 'bake-git-token', 'https://github.com'),
  });
  const build = buildCommand(
    config.build,
    { builder: 'b', metadataFile: '/m', iidFile: '/i', secretSpecs: [] },
    jobEnv,
  );
  await direct.buildx(build.args, { env: build.env });
  // imagetools inspect (the merge's read-back) and create.
  await verifyMerge(viaCli, ['r/a:1'], ['r/a:2']).catch(ignore);
  await direct.buildx(['imagetools', 'create', ...mergeArgs(['r/a:1'], ['r/a:2'], [])]);
  // history inspect (a failed attempt's build record).
  await inspectRecord(direct, 'b', 'ref', 30_000);
  const all = [...runs('docker'), ...runs('docker-buildx')];
  expect([...new Set(all.map((r) => (r.argv[0] === 'buildx' ? r.argv[1] : r.argv[0])))].sort()).toEqual(
    ['bake', 'build', 'create', 'history', 'imagetools', 'info', 'inspect', 'ls', 'rm', 'version'].sort(),
  );
  for (const r of all) {
    const env = { ...r.env };
    // What one command adds on purpose: a build-arg's value; the type=gha cache grant of a build;
    // the remote bake source's token.
    const added = r.argv.includes('build')
      ? ['A', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2']
      : [];
    for (const k of added) delete env[k];
    expectScrubbed(env);
  }
  const built = all.find((r) => r.argv.includes('build'))!;
  expect(built.env.A).toBe('v');
  expect(all.filter((r) => r.argv.includes('bake')).map((r) => r.env.BUILDX_BAKE_GIT_AUTH_TOKEN)).toEqual([
    undefined,
    'bake-git-token',
  ]);
}, 60_000);

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

test('ESLint refuses child_process anywhere in src/ but src/buildx, in every form', async () => {
  const { ESLint } = await import('eslint');
  const eslint = new ESLint({ cwd: repoRoot });
  const refused = async (file: string, code: string) => {
    const [r] = await eslint.lintText(`${code}\nexport const x = 1;\n`, { filePath: join(repoRoot, file) });
    return r.messages.filter((m) => /only src\/buildx starts processes/.test(m.message)).length > 0;
  };
  const forms = [
    "import { spawn } from 'node:child_process';\nvoid spawn;",
    "import * as cp from 'child_process';\nvoid cp;",
    "const cp = await import('node:child_process');\nvoid cp;",
  ];
  for (const file of [
    'src/commands/probe.ts',
    'src/attempts/probe.ts',
    'src/joblog.ts',
    'src/redact/probe.ts',
  ]) {
    for (const code of forms)
      expect({ file, code, refused: await refused(file, code) }).toEqual({ file, code, refused: true });
  }
  expect(await refused('src/buildx/probe.ts', forms[0])).toBe(false);
}, 60_000);
