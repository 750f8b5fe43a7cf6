// `npm run demo`: the whole thing on this machine. Provisions the engine if none is reachable, starts
// two BuildKit nodes (two daemons behind bridges), and runs `buildx-guard build` on examples/:
// a two-platform build that meets a transient GOAWAY and is retried, then the same build after a
// source change (a cache break), then a build whose test step fails. Prints the findings, the flake
// ledger the three builds appended to, and the paths of the Markdown reports.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeBridge } from './testbed/bridge.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = join(repo, 'scripts', 'engine.sh');
if (!existsSync(join(repo, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run npm run bundle');

const wasRunning =
  execFileSync('bash', [engine, 'status'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => / running /.test(l)).length >= 2;
execFileSync('bash', [engine, 'start', '2'], { stdio: 'inherit' });
for (const m of execFileSync('bash', [engine, 'env'], { encoding: 'utf8' }).matchAll(
  /^export (\w+)="(.*)"$/gm,
)) {
  process.env[m[1]] = m[2].replace('$PATH', process.env.PATH ?? '');
}
const sockets = process.env.BUILDX_GUARD_DOCKER_HOSTS.split(' ').map((h) => h.replace('unix://', ''));
const bridges = await Promise.all(
  sockets.slice(0, 2).map((socketPath) => new NodeBridge({ socketPath }).start()),
);
const nodes = `- name: amd64\n  endpoint: ${bridges[0].endpoint}\n  platforms: linux/amd64\n- name: i386\n  endpoint: ${bridges[1].endpoint}\n  platforms: linux/386\n`;
const out = mkdtempSync(join(tmpdir(), 'buildx-guard-demo-'));
// The flake ledger every build appends to (docs/ledger.md), printed at the end.
const ledger = join(out, 'ledger.json');

function context(example) {
  const dir = join(out, example);
  cpSync(join(repo, 'examples', example), dir, { recursive: true });
  copyFileSync(process.env.BUILDX_GUARD_BUSYBOX_AMD64, join(dir, 'busybox'));
  return dir;
}

// Async: the bridges live in this process and must keep serving while buildx runs.
async function build(title, dir, extra = []) {
  console.log(`\n=== ${title}\n`);
  const report = join(
    out,
    `${title
      .replace(/\W+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()}.md`,
  );
  const r = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(repo, 'dist', 'cli.js'),
        'build',
        '--driver',
        'remote',
        '--nodes',
        nodes,
        '--network',
        'none',
        '--platforms',
        'linux/amd64,linux/386',
        '--retry-wait-seconds',
        '1',
        '--no-cache-filters',
        '',
        '--report-file',
        report,
        '--ledger',
        ledger,
        ...extra,
        dir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    child.on('close', (status) => resolve({ status, stderr, stdout }));
  });
  // The build log goes to stderr; show the lines a person looks at first.
  const interesting = r.stderr
    .split('\n')
    .filter((l) => /^(Attempt|error |warning |notice |Markdown report|NODE|amd64|i386|ERROR)/.test(l));
  console.log(interesting.join('\n'));
  // The CLI's JSON verdict, in one line a person reads.
  try {
    const v = JSON.parse(r.stdout);
    const tries = v.attempts.map((a) => `attempt ${a.number}: ${a.category ?? 'ok'}`).join(', ');
    console.log(
      `--> ${v.status === 'success' ? 'succeeded' : `failed (${v.failure?.category ?? 'unknown'})`} after ${v.attempts.length} attempt${v.attempts.length === 1 ? '' : 's'} (${tries}); ${v.findings} finding(s)${v.digest ? `; digest ${v.digest}` : ''}`,
    );
  } catch {
    console.log(r.stdout.trim());
  }
  return { code: r.status, report };
}

const reports = [];
try {
  const app = context('app');
  // A GOAWAY from node amd64 two seconds into the first attempt: classified transient, retried.
  bridges[0].setFault('goaway=2000');
  const unique = `demo-${Date.now()}`;
  writeFileSync(join(app, 'build-id.txt'), unique);
  reports.push(await build('app (first build, meets a GOAWAY)', app));
  writeFileSync(join(app, 'index.js'), `console.log('changed ${unique}');\n`);
  reports.push(await build('app (a source file changed)', app));
  reports.push(await build('failing (a test step fails)', context('failing'), ['--max-attempts', '3']));
} finally {
  await Promise.all(bridges.map((b) => b.close()));
  if (!wasRunning) execFileSync('bash', [engine, 'stop'], { stdio: 'inherit' });
}
console.log('\nThe flake ledger of these builds (buildx-guard ledger --file ledger.json):\n');
console.log(
  execFileSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'ledger', '--file', ledger], {
    encoding: 'utf8',
  }).trimEnd(),
);
console.log('\nMarkdown reports (what the PR comment and job summary show):');
for (const r of reports) console.log(`  ${r.report}  (exit ${r.code})`);
const expected = [0, 0, 1];
if (reports.some((r, i) => r.code !== expected[i])) {
  console.error(
    `unexpected exit codes ${reports.map((r) => r.code).join(',')}, expected ${expected.join(',')}`,
  );
  process.exit(1);
}
