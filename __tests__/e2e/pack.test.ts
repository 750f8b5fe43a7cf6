// The npm package as a user gets it: `npm pack` of this tree (its committed dist/), installed into an
// empty folder with npm offline, so nothing but the tarball can be installed. The CLI then runs
// from there: --version, analyze, doctor on the test bed, and the GitLab CI example's lines.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  buildxEnv,
  busyboxContext,
  cleanupDirs,
  daemonSockets,
  exec,
  repo,
  tempDir,
  uniqueName,
} from '../support/testbed.js';

const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string; version: string };
const spec = `${pkg.name}@${pkg.version}`;

interface Packed {
  filename: string;
  files: { path: string }[];
}

let tarball = '';
let packed: Packed;

/** Installs the tarball into `dir` (made a package of its own) with npm offline. */
async function install(dir: string): Promise<void> {
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  const r = await exec('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {
    cwd: dir,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
}

/** The installed packages of a folder, from npm's own record of its tree. */
function installedPackages(dir: string): string[] {
  const lock = JSON.parse(readFileSync(join(dir, 'node_modules', '.package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  return Object.keys(lock.packages);
}

beforeAll(async () => {
  const out = tempDir('bxg-pack-');
  const r = await exec('npm', ['pack', '--json', '--pack-destination', out], { cwd: repo });
  expect(r.code).toBe(0);
  [packed] = JSON.parse(r.stdout) as Packed[];
  tarball = join(out, packed.filename);
}, 60_000);

afterAll(() => cleanupDirs());

test('the tarball holds dist/, action.yml, the docs, README, LICENSE, CHANGELOG and package.json, nothing else', () => {
  const paths = packed.files.map((f) => f.path).sort();
  const outside = paths.filter(
    (p) =>
      !/^(dist|docs)\//.test(p) &&
      !['action.yml', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].includes(p),
  );
  expect(outside).toEqual([]);
  expect(paths).toEqual(
    expect.arrayContaining([
      'dist/cli.js',
      'dist/index.js',
      'dist/package.json',
      'dist/licenses.txt',
      'action.yml',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'docs/security.md',
      'package.json',
    ]),
  );
  // Every file of dist/ (the action's chunks too) is in it.
  for (const f of readdirSync(join(repo, 'dist'))) expect(paths).toContain(`dist/${f}`);
});

test('the package can be published and installs alone: not private, no run-time dependencies', () => {
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.private).toBeUndefined();
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies'])
    expect({ field, value: manifest[field] }).toEqual({ field, value: undefined });
  expect(manifest.bin).toEqual({ 'buildx-guard': 'dist/cli.js' });
});

test('installed from the tarball into an empty folder: one package, and the CLI runs --version, analyze and doctor', async () => {
  const dir = tempDir('bxg-install-');
  await install(dir);
  expect(installedPackages(dir)).toEqual(['node_modules/buildx-guard']);
  expect(readdirSync(join(dir, 'node_modules')).sort()).toEqual([
    '.bin',
    '.package-lock.json',
    'buildx-guard',
  ]);
  const bin = join(dir, 'node_modules', '.bin', 'buildx-guard');

  const version = await exec(bin, ['--version'], { cwd: dir });
  expect(version).toEqual({ code: 0, stdout: `buildx-guard ${pkg.version}\n`, stderr: '' });

  // A failed build's log: the verdict and the failing Dockerfile line, from the installed bundle.
  const fixture = join(repo, '__fixtures__', 'logs', 'failing-run');
  const analyze = await exec(
    bin,
    ['analyze', '--log', join(fixture, '0.29.1-rawjson.log'), '--dockerfile', join(fixture, 'Dockerfile')],
    { cwd: dir, env: { PATH: process.env.PATH } },
  );
  expect(analyze.code).toBe(0);
  expect(analyze.stdout).toContain('FAIL: test_addition: expected 2, got 3');
  const json = await exec(
    bin,
    ['analyze', '--log', join(fixture, '0.29.1-rawjson.log'), '--format', 'codequality', '--fail-on-failure'],
    { cwd: dir },
  );
  expect(json.code).toBe(1);
  expect(JSON.parse(json.stdout)).toEqual(
    expect.arrayContaining([expect.objectContaining({ check_name: 'build-failed', severity: 'critical' })]),
  );

  // doctor boots and verifies the test bed daemon's builder and reads its host limits.
  const doctor = await exec(bin, ['doctor', '--driver', 'docker'], {
    cwd: dir,
    env: buildxEnv('0.29.1', { DOCKER_HOST: `unix://${daemonSockets()[0]}` }),
  });
  expect(doctor.stderr).not.toMatch(/\n\s+at /);
  expect(doctor.code).toBe(0);
  expect(doctor.stdout).toMatch(/^running nodes\s+ok\s+1 of 1$/m);
  expect(doctor.stdout).toMatch(/builder 'default' \(docker, buildx 0\.29\.1/);
}, 120_000);

test('the GitLab CI example: node image, docker:dind service, and its lines run with the packed CLI against the test bed', async () => {
  const example = parse(readFileSync(join(repo, 'examples', 'gitlab-ci.yml'), 'utf8')) as Record<
    string,
    {
      image: string;
      services: { name: string; alias: string }[];
      variables: Record<string, string>;
      before_script: string[];
      script: string[];
      artifacts: { paths: string[] };
    }
  >;
  const job = example['build-image'];
  expect(job.image).toMatch(/^node:\d+/);
  expect(job.services).toEqual([{ name: expect.stringMatching(/^docker:[\d.]+-dind$/), alias: 'docker' }]);
  expect(job.variables.DOCKER_HOST).toBe('tcp://docker:2376');
  expect(job.variables.DOCKER_CERT_PATH).toBe(`${job.variables.DOCKER_TLS_CERTDIR}/client`);
  // The example installs the version this tree is.
  expect(job.variables.BUILDX_GUARD).toBe(spec);
  expect(job.script.every((l) => l.startsWith('npx --yes "$BUILDX_GUARD" '))).toBe(true);

  // The project: a Dockerfile without RUN (the example builds without --network=none, and the test
  // bed's daemons have no network), and npx finds
  // the packed package installed beside it, offline, as it would fetch buildx-guard@version.
  const project = busyboxContext('FROM scratch\nCOPY busybox /bin/busybox\n');
  writeFileSync(join(project, '.dockerignore'), 'node_modules\n');
  await install(project);
  // Debian trixie's docker-buildx is 0.13.1, the test bed's older buildx; a Docker config of the job's
  // own, as in a fresh container, that docker login writes to.
  const dockerConfig = tempDir('bxg-gitlab-docker-');
  mkdirSync(join(dockerConfig, 'cli-plugins'));
  symlinkSync(
    join(buildxEnv('0.13.1').DOCKER_CONFIG!, 'cli-plugins', 'docker-buildx'),
    join(dockerConfig, 'cli-plugins', 'docker-buildx'),
  );
  const registry = process.env.BUILDX_GUARD_REGISTRY!;
  const image = `${registry}/group/${uniqueName('project')}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: project,
    ...job.variables,
    // The test bed's daemon stands in for the dind service (a local socket, no TLS).
    DOCKER_HOST: `unix://${daemonSockets()[0]}`,
    DOCKER_TLS_VERIFY: '',
    DOCKER_CERT_PATH: '',
    DOCKER_CONFIG: dockerConfig,
    CI_REGISTRY: registry,
    CI_REGISTRY_USER: 'gitlab-ci-token',
    CI_REGISTRY_PASSWORD: 'job-token',
    CI_REGISTRY_IMAGE: image,
    CI_COMMIT_SHORT_SHA: 'a1b2c3d4',
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
  };
  // The package installation needs the node image and the network: the one line not run here.
  const lines = [...job.before_script.filter((l) => !l.startsWith('apt-get ')), ...job.script];
  expect(lines).toHaveLength(job.before_script.length - 1 + job.script.length);
  const results = [];
  for (const line of lines) {
    const r = await exec('bash', ['-eo', 'pipefail', '-c', line], { cwd: project, env });
    results.push(r);
    expect({ line, code: r.code, output: r.code ? r.stdout + r.stderr : '' }).toEqual({
      line,
      code: 0,
      output: '',
    });
  }
  expect(results.map((r) => r.stdout).join('\n')).toContain("builder 'default' (docker, buildx 0.13.1");
  const stdout = results.at(-1)!.stdout;
  const build = JSON.parse(stdout.slice(stdout.indexOf('{\n'))) as {
    status: string;
    digest: string;
  };
  expect(build.status).toBe('success');
  // What the registry serves under the job's tag is the digest the build reported.
  const served = await exec(process.env.BUILDX_GUARD_CRANE!, ['digest', '--insecure', `${image}:a1b2c3d4`]);
  expect(served.stdout.trim()).toBe(build.digest);
  expect(job.artifacts.paths).toEqual(['buildx-guard.md']);
  expect(readFileSync(join(project, 'buildx-guard.md'), 'utf8')).toMatch(/succeeded|success|✅/i);
}, 180_000);
