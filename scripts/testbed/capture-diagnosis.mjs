// Captures the logs behind the diagnosis tests into __fixtures__/logs/<scenario>/: `--call=check`,
// a build check that fails the build (check=error=true), a cache source that cannot be imported
// (the build goes on), a cache export that fails (on a containerd-store dockerd, which has the
// registry cache exporter), and bake with a failing target in its own Dockerfile.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startContainerdStoreDaemon } from './containerd-store.mjs';

const BASE = `FROM scratch AS busybox
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
`;
const LINT = `FROM scratch as busybox
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
FROM busybox
ENV API_PASSWORD=hunter2 API_TOKEN=x
RUN echo ok
`;

function exec(cmd, args, env, cwd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, cwd });
    let out = '';
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => ((out += d), (stdout += d)));
    child.stderr.on('data', (d) => ((out += d), (stderr += d)));
    child.on('close', (code) => resolve({ code, out, stdout, stderr }));
  });
}

function context(files) {
  const dir = mkdtempSync(join(tmpdir(), 'bxg-capture-'));
  copyFileSync(process.env.BUILDX_GUARD_BUSYBOX_AMD64, join(dir, 'busybox'));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

export async function captureDiagnosis({ fixtures }) {
  const only = process.argv[3];
  const configOf = (v) => process.env[`BUILDX_GUARD_CONFIG_${v.replace(/\./g, '_')}`];
  const save = (scenario, name, text, dockerfiles) => {
    const out = join(fixtures, 'logs', scenario);
    mkdirSync(out, { recursive: true });
    for (const [f, t] of Object.entries(dockerfiles)) writeFileSync(join(out, f), t);
    writeFileSync(join(out, `${name}.log`), text);
  };
  const want = (name) => !only || only === name;

  if (want('call-check')) {
    const ctx = context({ Dockerfile: LINT });
    // What a user sees with 2>&1: progress on stderr, the check's report on stdout.
    const r = await exec('docker', ['buildx', 'build', '--call=check', '--progress=plain', ctx], {
      DOCKER_CONFIG: configOf('0.29.1'),
    });
    save('call-check', '0.29.1-plain', r.stderr + r.stdout, { Dockerfile: LINT });
    console.log(`call-check: exit ${r.code}`);
    rmSync(ctx, { recursive: true, force: true });
  }
  for (const version of ['0.29.1', '0.13.1']) {
    for (const progress of version === '0.29.1' ? ['rawjson', 'plain'] : ['rawjson']) {
      const env = { DOCKER_CONFIG: configOf(version) };
      const base = ['buildx', 'build', '--network=none', `--progress=${progress}`];
      if (want('lint-error')) {
        const df = `# check=error=true\n${LINT}`;
        const ctx = context({ Dockerfile: df });
        const r = await exec('docker', [...base, ctx], env);
        save('lint-error', `${version}-${progress}`, r.stderr, { Dockerfile: df });
        console.log(`lint-error ${version}-${progress}: exit ${r.code}`);
        rmSync(ctx, { recursive: true, force: true });
      }
      if (want('cache-import-missing')) {
        const df = `${BASE}\nFROM busybox\nRUN echo built\n`;
        const ctx = context({ Dockerfile: df });
        const r = await exec(
          'docker',
          [...base, '--cache-from', 'type=registry,ref=127.0.0.1:9/none', ctx],
          env,
        );
        save('cache-import-missing', `${version}-${progress}`, r.stderr, { Dockerfile: df });
        console.log(`cache-import-missing ${version}-${progress}: exit ${r.code}`);
        rmSync(ctx, { recursive: true, force: true });
      }
    }
  }
  if (want('cache-export-fail')) {
    const daemon = await startContainerdStoreDaemon();
    try {
      const df = `${BASE}\nFROM busybox\nRUN echo built\n`;
      for (const progress of ['rawjson', 'plain']) {
        const ctx = context({ Dockerfile: df });
        const r = await exec(
          'docker',
          [
            'buildx',
            'build',
            '--network=none',
            `--progress=${progress}`,
            '--cache-to',
            'type=registry,ref=127.0.0.1:9/cache,mode=max',
            ctx,
          ],
          { DOCKER_CONFIG: configOf('0.29.1'), DOCKER_HOST: `unix://${daemon.socket}` },
        );
        save('cache-export-fail', `0.29.1-${progress}`, r.stderr, { Dockerfile: df });
        console.log(`cache-export-fail ${progress}: exit ${r.code}`);
        rmSync(ctx, { recursive: true, force: true });
      }
    } finally {
      await daemon.stop();
    }
  }
  if (want('bake-failing')) {
    const app = `${BASE}\nFROM busybox\nRUN echo app\n`;
    const test = `FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nRUN echo "FAIL: test_api" && exit 3\n`;
    const bake = `group "default" {\n  targets = ["app", "test"]\n}\ntarget "app" {\n  dockerfile = "Dockerfile"\n  network = "none"\n}\ntarget "test" {\n  dockerfile = "test.Dockerfile"\n  network = "none"\n}\n`;
    for (const progress of ['rawjson', 'plain']) {
      const ctx = context({ Dockerfile: app, 'test.Dockerfile': test, 'docker-bake.hcl': bake });
      // Bake reads files only below its working directory (filesystem entitlements).
      const r = await exec(
        'docker',
        ['buildx', 'bake', '--progress', progress, '-f', 'docker-bake.hcl'],
        { DOCKER_CONFIG: configOf('0.29.1') },
        ctx,
      );
      save('bake-failing', `0.29.1-${progress}`, r.stderr, {
        Dockerfile: app,
        'test.Dockerfile': test,
        'docker-bake.hcl': bake,
      });
      console.log(`bake-failing ${progress}: exit ${r.code}`);
      rmSync(ctx, { recursive: true, force: true });
    }
  }
}
