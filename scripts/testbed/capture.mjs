// Captures real buildx output from the test bed into __fixtures__/ (never typed by hand).
// Needs a started engine: eval "$(bash scripts/engine.sh env)" && node scripts/testbed/capture.mjs [builder|logs|diagnosis|merge-race] [scenario]
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeBridge } from './bridge.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = join(repo, '__fixtures__');
const sockets = (process.env.BUILDX_GUARD_DOCKER_HOSTS ?? '')
  .split(' ')
  .filter(Boolean)
  .map((h) => h.replace('unix://', ''));
if (sockets.length < 2) throw new Error('start the engine first: eval "$(bash scripts/engine.sh env)"');
const configOf = (v) => process.env[`BUILDX_GUARD_CONFIG_${v.replace(/\./g, '_')}`];

export function run(args, { version = '0.29.1', cwd } = {}) {
  return new Promise((resolve) => {
    const child = spawn('docker', args, { env: { ...process.env, DOCKER_CONFIG: configOf(version) }, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Replaces this run's random ports and names so fixtures stay stable across captures. */
function stable(text, map) {
  let out = text;
  for (const [from, to] of map) out = out.split(from).join(to);
  return out;
}

async function captureBuilder() {
  for (const version of ['0.29.1', '0.13.1']) {
    const dir = join(fixtures, 'buildx', version);
    mkdirSync(dir, { recursive: true });
    const ok = await new NodeBridge({ socketPath: sockets[0] }).start();
    const dead = await new NodeBridge({ socketPath: sockets[1], fault: 'refuse' }).start();
    const name = 'fixture';
    await run(['buildx', 'rm', '-f', name], { version });
    await run(['buildx', 'create', '--name', name, '--driver', 'remote', '--node', 'up', ok.endpoint], {
      version,
    });
    await run(
      ['buildx', 'create', '--name', name, '--append', '--driver', 'remote', '--node', 'down', dead.endpoint],
      { version },
    );
    const map = [
      [ok.endpoint, 'tcp://127.0.0.1:1234'],
      [dead.endpoint, 'tcp://127.0.0.1:1235'],
    ];
    const before = await run(['buildx', 'ls', '--format', 'json'], { version });
    writeFileSync(join(dir, 'ls-before-bootstrap.jsonl'), stable(before.stdout, map));
    const boot = await run(['buildx', 'inspect', '--bootstrap', name], { version });
    writeFileSync(join(dir, 'inspect-bootstrap.txt'), stable(boot.stdout, map));
    writeFileSync(
      join(dir, 'inspect-bootstrap.stderr.txt'),
      stable(boot.stderr, map) + `\n# exit code: ${boot.code}\n`,
    );
    const ls = await run(['buildx', 'ls', '--format', 'json'], { version });
    writeFileSync(join(dir, 'ls-one-down.jsonl'), stable(ls.stdout, map));
    const inspect = await run(['buildx', 'inspect', name], { version });
    writeFileSync(join(dir, 'inspect-one-down.txt'), stable(inspect.stdout, map));
    // A docker-container node whose Docker context is gone: buildx prints `Error:` (status error)
    // and `inspect --bootstrap` still exits 0.
    await run(['buildx', 'rm', '-f', 'ctxerr'], { version });
    await run(['context', 'rm', '-f', 'fixture-gone'], { version });
    await run(['context', 'create', 'fixture-gone', '--docker', `host=unix://${sockets[1]}`], { version });
    await run(
      [
        'buildx',
        'create',
        '--name',
        'ctxerr',
        '--driver',
        'docker-container',
        '--node',
        'gone',
        'fixture-gone',
      ],
      { version },
    );
    await run(['context', 'rm', '-f', 'fixture-gone'], { version });
    const errLs = await run(['buildx', 'ls', '--format', 'json'], { version });
    writeFileSync(
      join(dir, 'ls-error.jsonl'),
      errLs.stdout
        .split('\n')
        .filter((l) => l.includes('"ctxerr"'))
        .join('\n') + '\n',
    );
    const errBoot = await run(['buildx', 'inspect', '--bootstrap', 'ctxerr'], { version });
    writeFileSync(join(dir, 'inspect-error.txt'), errBoot.stdout);
    writeFileSync(join(dir, 'inspect-error.exit-code.txt'), `${errBoot.code}\n`);
    await run(['buildx', 'rm', '-f', 'ctxerr'], { version });
    const version_ = await run(['buildx', 'version'], { version });
    writeFileSync(join(dir, 'version.txt'), version_.stdout);
    await run(['buildx', 'rm', '-f', name], { version });
    await ok.close();
    await dead.close();
    console.log(`captured builder output of buildx ${version} into ${dir}`);
  }
}

const what = process.argv[2] ?? 'builder';
if (what === 'builder') await captureBuilder();
else if (what === 'logs') {
  const { captureLogs } = await import('./capture-logs.mjs');
  await captureLogs({
    run,
    sockets,
    fixtures,
    NodeBridge,
    copyFileSync,
    mkdtempSync,
    rmSync,
    tmpdir,
    readFileSync,
  });
} else if (what === 'diagnosis') {
  const { captureDiagnosis } = await import('./capture-diagnosis.mjs');
  await captureDiagnosis({ fixtures });
} else if (what === 'merge-race') {
  const { captureMergeRace } = await import('./capture-merge-race.mjs');
  await captureMergeRace({ run, fixtures, NodeBridge });
} else throw new Error(`unknown capture '${what}'`);
