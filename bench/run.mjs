// `npm run bench [-- --quick] [-- --only overhead,bootstrap,analysis,verdict,retry,bakeiso,coldstart,redaction,ledger] [-- --out FILE]`
// (`--only verdict` measures classify and the whole-log analyze against the pre-wave tree side by side; `--pre DIR` another `src`, `--src DIR --cli FILE` another tree as this one.)
//
// Numbers, not opinions: every figure is a ratio taken side by side in one run, because these
// machines are shared and noisy. Each scenario prints median/min/max over ≥ 5 runs after a warm-up
// (one run each with --quick, the smoke mode the test suite runs) and the results go to
// bench/results/latest.json. See docs/performance.md.
import { execFileSync, spawn } from 'node:child_process';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { NodeBridge } from '../scripts/testbed/bridge.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt('only')?.split(',');
const outFile = opt('out') ?? join(repo, 'bench', 'results', 'latest.json');
const RUNS = quick ? 1 : 5;
// The overhead is a small difference between two noisy timings: more rounds.
const OVERHEAD_RUNS = quick ? 1 : 9;
const work = mkdtempSync(join(tmpdir(), 'buildx-guard-bench-'));
const results = { quick, date: new Date().toISOString(), runs: RUNS, scenarios: {} };

// ---- helpers -------------------------------------------------------------------------------

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return {
    median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2,
    min: s[0],
    max: s[s.length - 1],
    n: s.length,
  };
}

/** Runs a command asynchronously (bridges in this process keep serving); returns ms and peak RSS. */
function run(cmd, argv, { env = process.env, allowFail = false } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const m = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* exited */
      }
    }, 20);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearInterval(poll);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (code !== 0 && !allowFail)
        reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}: ${stderr.slice(-800)}`));
      else resolve({ ms, code, stdout, stderr, peakMb: peakKb / 1024 });
    });
  });
}

async function measure(n, fn) {
  await fn(); // warm-up
  const xs = [];
  for (let i = 0; i < n; i++) xs.push(await fn());
  return stats(xs);
}

function table(title, rows) {
  console.log(`\n## ${title}\n`);
  console.log('| measurement | median | min | max | runs |\n| --- | --- | --- | --- | --- |');
  for (const [name, s, unit = 'ms'] of rows) {
    const f = (v) => (unit === 'ms' ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ${unit}`);
    console.log(`| ${name} | ${f(s.median)} | ${f(s.min)} | ${f(s.max)} | ${s.n} |`);
  }
}

const engine = join(repo, 'scripts', 'engine.sh');
/** Whether this run started the engines (and so must stop them): what a benchmark starts, it stops. */
let startedEngine = false;

function engineEnv(daemons) {
  const running = execFileSync('bash', [engine, 'status'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => / running /.test(l)).length;
  startedEngine = running < daemons;
  execFileSync('bash', [engine, 'start', String(daemons)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const env = { ...process.env };
  for (const m of execFileSync('bash', [engine, 'env'], { encoding: 'utf8' }).matchAll(
    /^export (\w+)="(.*)"$/gm,
  )) {
    env[m[1]] = m[2].replace('$PATH', process.env.PATH ?? '');
  }
  return env;
}

function busyboxContext(env, dockerfile) {
  const dir = mkdtempSync(join(work, 'ctx-'));
  copyFileSync(env.BUILDX_GUARD_BUSYBOX_AMD64, join(dir, 'busybox'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  return dir;
}

const BASE =
  'FROM scratch AS busybox\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n';

/** The bundled action as the runner runs it (main phase), with its command files. */
function actionEnv(env, inputs) {
  const dir = mkdtempSync(join(work, 'runner-'));
  const files = {};
  for (const f of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    files[f] = join(dir, f.toLowerCase());
    writeFileSync(files[f], '');
  }
  const input = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  return { ...env, ...files, ...input, GITHUB_ACTIONS: 'true', RUNNER_TEMP: dir };
}

/** The action's post phase with the state its main phase saved (removes the builder it created). */
async function post(e) {
  const state = readFileSync(e.GITHUB_STATE, 'utf8');
  const env = { ...e };
  for (const m of state.matchAll(/^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) env[`STATE_${m[1]}`] = m[3];
  return (await run(process.execPath, [join(repo, 'dist', 'index.js')], { env })).ms;
}

/** A remote-driver builder with one node per bridge. */
async function createRemote(env, name, bridges) {
  for (const [i, b] of bridges.entries()) {
    const append = i ? ['--append'] : [];
    await run(
      'docker',
      ['buildx', 'create', '--name', name, '--driver', 'remote', '--node', `n${i}`, ...append, b.endpoint],
      { env },
    );
  }
}

// ---- 1. action overhead --------------------------------------------------------------------

/**
 * Runs each function once per round, in turn, for a warm-up round and `n` measured ones: a side by
 * side comparison, so the machine's drift falls on both alike. Medians per function.
 */
async function interleaved(n, fns) {
  const xs = fns.map(() => []);
  for (let round = 0; round <= n; round++)
    for (const [i, fn] of fns.entries()) {
      const ms = await fn();
      if (round > 0) xs[i].push(ms);
    }
  return xs;
}

/**
 * The bare build against the action's main + post phases on the same warm, fully cached build: as
 * the issue measured it, on an existing builder of one remote node (`builder` input); then on the
 * docker driver, the smallest build there is, where the fixed cost shows alone.
 */
async function overhead(env) {
  const socket = env.BUILDX_GUARD_DOCKER_HOSTS.split(' ')[0].replace('unix://', '');
  const bridge = await new NodeBridge({ socketPath: socket }).start();
  const builder = `bench-overhead-${randomBytes(3).toString('hex')}`;
  try {
    await createRemote(env, builder, [bridge]);
    const setups = {
      remote: { bare: ['--builder', builder], inputs: { builder } },
      docker: { bare: [], inputs: { driver: 'docker' } },
    };
    const rows = [];
    const per = {};
    for (const [name, setup] of Object.entries(setups)) {
      const ctx = busyboxContext(env, `${BASE}FROM busybox\nRUN echo ${randomBytes(4).toString('hex')}\n`);
      const bareArgs = ['buildx', 'build', ...setup.bare, '--network=none', ctx];
      await run('docker', [...bareArgs.slice(0, -1), '--progress=quiet', ctx], { env });
      const mainOnly = [];
      const [bare, action] = await interleaved(OVERHEAD_RUNS, [
        async () => (await run('docker', bareArgs, { env })).ms,
        async () => {
          const e = actionEnv(env, { ...setup.inputs, context: ctx, network: 'none', comment: 'off' });
          const ms = (await run(process.execPath, [join(repo, 'dist', 'index.js')], { env: e })).ms;
          mainOnly.push(ms);
          return ms + (await post(e));
        },
      ]);
      const s = { bare: stats(bare), main: stats(mainOnly.slice(1)), action: stats(action) };
      s.ratio = s.action.median / s.bare.median;
      s.fixedMs = s.action.median - s.bare.median;
      per[name] = s;
      const where = name === 'remote' ? 'existing builder, one remote node' : 'docker driver';
      rows.push(
        [`bare docker buildx build (${where})`, s.bare],
        [`action main phase (${where})`, s.main],
        [`action main + post (${where})`, s.action],
      );
    }
    table('Action overhead: a warm, fully cached build (bare and action in turn)', rows);
    const { remote, docker } = per;
    console.log(
      `\noverhead ratio (action main+post / bare), one remote node: ${remote.ratio.toFixed(2)} (target ≤ 1.35); fixed cost ${remote.fixedMs.toFixed(0)} ms` +
        `\non the docker driver (smallest build): ratio ${docker.ratio.toFixed(2)}, fixed cost ${docker.fixedMs.toFixed(0)} ms`,
    );
    results.scenarios.overhead = per;
    results.overheadRatio = remote.ratio;
    results.overheadFixedMs = remote.fixedMs;
    results.overheadDockerDriverFixedMs = docker.fixedMs;
  } finally {
    await run('docker', ['buildx', 'rm', '-f', builder], { env, allowFail: true });
    await bridge.close();
  }
}

// ---- 2. bootstrap scaling ------------------------------------------------------------------

/** One platform per node (the test bed's daemons are amd64; a remote node's list is declared). */
const PLATFORMS = ['linux/amd64', 'linux/386', 'linux/amd64/v2', 'linux/amd64/v3'];

async function bootstrap(env) {
  const sockets = env.BUILDX_GUARD_DOCKER_HOSTS.split(' ').map((h) => h.replace('unix://', ''));
  const counts = quick ? [1, 2] : [1, 2, 4];
  const bridges = await Promise.all(
    sockets.slice(0, Math.max(...counts)).map((socketPath) => new NodeBridge({ socketPath }).start()),
  );
  const rows = [];
  const times = {};
  const boots = {};
  try {
    for (const n of counts) {
      // Each node serves its own platform, as in a multi-architecture builder (the nodes after the
      // first are then appended concurrently).
      const nodes = bridges
        .slice(0, n)
        .map((b, i) => `- name: n${i}\n  endpoint: ${b.endpoint}\n  platforms: ${PLATFORMS[i]}\n`)
        .join('');
      times[n] = await measure(RUNS, async () => {
        const r = await run(
          process.execPath,
          [join(repo, 'dist', 'cli.js'), 'doctor', '--driver', 'remote', '--nodes', nodes],
          { env },
        );
        return r.ms;
      });
      rows.push([`create + bootstrap + strict verification + remove, ${n} node(s)`, times[n]]);
    }
    // Boot + strict verification alone, on a builder created beforehand: the part that runs
    // concurrently across nodes (`docker buildx create --append` must run once per node, in turn).
    for (const n of counts) {
      const builder = `bench-boot-${n}-${randomBytes(3).toString('hex')}`;
      await createRemote(env, builder, bridges.slice(0, n));
      boots[n] = await measure(RUNS, async () => {
        const r = await run(
          process.execPath,
          [join(repo, 'dist', 'cli.js'), 'doctor', '--builder', builder],
          { env },
        );
        return r.ms;
      });
      await run('docker', ['buildx', 'rm', '-f', builder], { env });
      rows.push([`bootstrap + strict verification only (existing builder), ${n} node(s)`, boots[n]]);
    }
    // The strict check alone: what the verification adds after buildx booted the nodes.
    const name = `bench-${randomBytes(3).toString('hex')}`;
    const n = Math.max(...counts);
    await createRemote(env, name, bridges.slice(0, n));
    await run('docker', ['buildx', 'inspect', '--bootstrap', name], { env });
    const check = await measure(
      RUNS,
      async () => (await run('docker', ['buildx', 'ls', '--format', 'json'], { env })).ms,
    );
    await run('docker', ['buildx', 'rm', '-f', name], { env });
    rows.push([`strict check alone (buildx ls --format json, ${n} nodes)`, check]);
    table('Bootstrap scaling (remote nodes, separate daemons)', rows);
    const ratio = times[n].median / times[1].median;
    console.log(
      `\nbootstrap ratio ${n}-node / 1-node: ${ratio.toFixed(2)} (target ≤ 1.3 for 4 nodes); boot + verification alone: ${(boots[n].median / boots[1].median).toFixed(2)}`,
    );
    results.scenarios.bootstrap = { times, boots, strictCheck: check, nodes: counts };
    results.bootRatio4to1 = boots[n].median / boots[1].median;
    results.bootstrapRatio4to1 = ratio;
    results.bootstrapRatioNodes = n;
    results.strictCheckMs = check.median;
  } finally {
    await Promise.all(bridges.map((b) => b.close()));
  }
}

// ---- 3. log analysis throughput and memory ----------------------------------------------------

/** A rawjson log of `bytes` built by repeating real captured updates of a failing build. */
async function syntheticLog(bytes) {
  const src = readFileSync(
    join(repo, '__fixtures__', 'logs', 'failing-run', '0.29.1-rawjson.log'),
    'utf8',
  ).split('\n');
  const json = src.filter((l) => l.startsWith('{'));
  const text = src.filter((l) => !l.startsWith('{'));
  const updates = json.filter((l) => l.startsWith('{"logs"') || l.startsWith('{"statuses"'));
  const file = join(work, `synthetic-${bytes}.log`);
  const out = createWriteStream(file);
  let written = 0;
  const write = (s) => {
    written += Buffer.byteLength(s);
    return out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r));
  };
  await write(json.join('\n') + '\n');
  const block = updates.join('\n') + '\n';
  while (written < bytes) await write(block.repeat(Math.max(1, Math.floor(1_000_000 / block.length))));
  await write(text.join('\n') + '\n');
  await new Promise((r) => out.end(r));
  return file;
}

async function analysis() {
  const sizes = quick ? [10e6] : [10e6, 100e6, 1000e6];
  const rows = [];
  const per = {};
  for (const size of sizes) {
    const file = await syntheticLog(size);
    const mb = statSync(file).size / 1e6;
    let peak = 0;
    const tool = await measure(RUNS, async () => {
      const r = await run(process.execPath, [
        join(repo, 'dist', 'cli.js'),
        'analyze',
        '--log',
        file,
        '--format',
        'json',
      ]);
      if (!JSON.parse(r.stdout).status) throw new Error('analyze printed no status');
      peak = Math.max(peak, r.peakMb);
      return mb / (r.ms / 1000);
    });
    const floorScript = `import { floorLoop } from ${JSON.stringify(join(repo, 'bench', 'floor.mjs'))}; const r = await floorLoop(${JSON.stringify(file)}); console.log(r.ms);`;
    const floor = await measure(RUNS, async () => {
      const r = await run(process.execPath, ['--input-type=module', '-e', floorScript]);
      // Wall time of the whole process, as for analyze (both pay Node's start-up).
      return mb / (r.ms / 1000);
    });
    rows.push(
      [`buildx-guard analyze, ${mb.toFixed(0)} MB`, tool, 'MB/s'],
      [`floor: readline + JSON.parse, ${mb.toFixed(0)} MB`, floor, 'MB/s'],
    );
    per[`${Math.round(mb)}MB`] = {
      analyzeMBps: tool,
      floorMBps: floor,
      ratio: tool.median / floor.median,
      peakRssMB: peak,
    };
    rmSync(file, { force: true });
  }
  table('Log analysis throughput (higher is better)', rows);
  const largest = per[Object.keys(per).at(-1)];
  console.log(
    `\nanalysis vs floor on the largest log: ${largest.ratio.toFixed(2)} (target ≥ 0.5); peak RSS ${largest.peakRssMB.toFixed(0)} MB (target ≤ 150 MB on 1 GB)`,
  );
  for (const [k, v] of Object.entries(per))
    console.log(`  ${k}: ratio ${v.ratio.toFixed(2)}, peak RSS ${v.peakRssMB.toFixed(0)} MB`);
  results.scenarios.analysis = per;
  results.analysisThroughputVsFloor = largest.ratio;
  results.analysisPeakRssMB = largest.peakRssMB;
}

// ---- 3b. classification: throughput and an adversarial line --------------------------------

/**
 * A failing RUN (plain progress, buildx 0.29's wording) whose command is `body`: the command is
 * quoted in the step header, the summary, the excerpt and the final error.
 */
function failingRunLog(body) {
  const quoted = `/bin/sh -c ${body}`;
  return [
    '#1 [internal] load build definition from Dockerfile',
    '#1 DONE 0.0s',
    `#2 [test 1/1] RUN ${body}`,
    '#2 0.143 running tests',
    `#2 ERROR: process "${quoted}" did not complete successfully: exit code: 3`,
    '------',
    ` > [test 1/1] RUN ${body}:`,
    '0.143 running tests',
    '------',
    'Dockerfile:2',
    '--------------------',
    `   2 | >>> RUN ${body}`,
    '--------------------',
    `ERROR: failed to build: failed to solve: process "${quoted}" did not complete successfully: exit code: 3`,
    '',
  ].join('\n');
}

/** 1 MiB of prefixes the error patterns start on, never completed: what makes `.*x` quadratic. */
function adversarialBody(bytes) {
  const unit =
    'process "failed to compute cache key: lstat failed to calculate checksum of ref base name (cache export Dockerfile:1 listing workers unexpected status retry-after ';
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/**
 * The tree before the diagnosis-v2 wave (issue 24): the parent of de80fd1, "read a failure as
 * operation × cause chain". `--pre DIR` (a `src` folder) measures against another tree.
 */
const PRE_REV = '4d7cdd7';

/** The `src` folder of the pre-wave tree: --pre DIR, or `git archive PRE_REV src` into the work folder. */
function preTree() {
  const given = opt('pre');
  if (given) return given;
  const dir = join(work, 'pre');
  mkdirSync(dir, { recursive: true });
  try {
    const tar = execFileSync('git', ['-C', repo, 'archive', PRE_REV, 'src', 'package.json'], {
      maxBuffer: 1 << 28,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  } catch (e) {
    console.log(
      `(no pre-wave tree: git archive ${PRE_REV} failed: ${e.message.split('\n')[0]}; pass --pre DIR)`,
    );
    return undefined;
  }
  return join(dir, 'src');
}

/** One tree's classify, parseTrace and analyze, bundled as one module (the same way for every tree). */
async function bundleTree(srcRoot, name) {
  const { build } = await import('esbuild');
  const outfile = join(work, `${name}.mjs`);
  await build({
    stdin: {
      contents: [
        "export { classify } from './diagnosis/classify.ts';",
        "export { parseTrace } from './trace/parser.ts';",
        "export { analyze } from './findings/analyze.ts';",
      ].join('\n'),
      resolveDir: srcRoot,
      sourcefile: `${name}-entry.ts`,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    nodePaths: [join(repo, 'node_modules')],
    logLevel: 'silent',
  });
  return { outfile, mod: await import(outfile) };
}

/** CPU seconds of this process since `t0` (process.cpuUsage): steadier than wall time on a shared machine. */
function cpuSeconds(t0) {
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
}

/**
 * Side by side in one process: each round times every tree in turn (the order alternating, so a
 * machine that slows down mid-round favours neither) and the ratio is taken per round.
 */
async function sideBySide(rounds, trees, fn) {
  const per = Object.fromEntries(trees.map((t) => [t.name, []]));
  const ratios = [];
  for (let r = -1; r < rounds; r++) {
    const order = r % 2 ? trees : [...trees].reverse();
    const got = {};
    for (const t of order) got[t.name] = await fn(t);
    if (r < 0) continue; // warm-up
    for (const t of trees) per[t.name].push(got[t.name]);
    ratios.push(got[trees[0].name] / got[trees[1].name]);
  }
  return {
    per: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, stats(v)])),
    ratio: stats(ratios),
  };
}

/** The whole-log corpus: every wild log (ours and the shared ones), each distinct text once. */
function corpusLogs() {
  const dirs = [
    join(repo, '__fixtures__', 'corpus', 'wild-logs'),
    join(repo, '__fixtures__', 'corpus', 'wild-logs-2'),
    join(repo, '..', 'shared', 'corpus', 'wild-logs'),
  ];
  const seen = new Set();
  for (const d of dirs) {
    let names;
    try {
      names = readdirSync(d).filter((n) => n.endsWith('.log'));
    } catch {
      continue; // ../shared is not there outside this machine's layout
    }
    for (const n of names.sort()) seen.add(readFileSync(join(d, n), 'utf8'));
  }
  return [...seen];
}

async function verdict() {
  const srcRoot = opt('src') ?? join(repo, 'src');
  const cli = opt('cli') ?? join(repo, 'dist', 'cli.js');
  const now = { name: 'this tree', ...(await bundleTree(srcRoot, 'now')) };
  const preRoot = preTree();
  const pre = preRoot
    ? { name: `pre-wave (${opt('pre') ?? PRE_REV})`, ...(await bundleTree(preRoot, 'pre')) }
    : undefined;
  const corpus = readFileSync(join(repo, '__fixtures__', 'corpus', 'buildx-errors.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).text);
  const texts = [...corpus, failingRunLog('echo "running tests" && exit 3')];
  const rounds = quick ? 200 : 2000;
  const classifyRate = (t) => {
    const t0 = process.cpuUsage();
    for (let r = 0; r < rounds; r++) for (const x of texts) t.mod.classify(x);
    return (rounds * texts.length) / cpuSeconds(t0);
  };
  const throughput = pre ? undefined : await measure(RUNS, async () => classifyRate(now));
  const cmp = pre ? await sideBySide(RUNS, [now, pre], classifyRate) : undefined;
  // Issue 24's whole-log path (parseTrace → analyze: trace, classification, findings) over the
  // corpus logs, side by side; peak memory of each tree in a process of its own.
  const logs = corpusLogs();
  const logRounds = quick ? 2 : 100;
  const analyzeRate = (t) => {
    const t0 = process.cpuUsage();
    for (let r = 0; r < logRounds; r++) for (const l of logs) t.mod.analyze({ trace: t.mod.parseTrace(l) });
    return (logRounds * logs.length) / cpuSeconds(t0);
  };
  const whole = pre ? await sideBySide(RUNS, [now, pre], analyzeRate) : undefined;
  const peakOf = async (t) => {
    const script = `import { readFileSync } from 'node:fs';
const m = await import(${JSON.stringify(t.outfile)});
const logs = JSON.parse(readFileSync(${JSON.stringify(join(work, 'logs.json'))}, 'utf8'));
for (let r = 0; r < ${logRounds}; r++) for (const l of logs) m.analyze({ trace: m.parseTrace(l) });`;
    return (await run(process.execPath, ['--input-type=module', '-e', script])).peakMb;
  };
  writeFileSync(join(work, 'logs.json'), JSON.stringify(logs));
  const peaks = pre ? await sideBySide(RUNS, [now, pre], peakOf) : undefined;
  const classifyStats = cmp ? cmp.per[now.name] : throughput;
  const rows = [[`classify, ${texts.length} texts`, classifyStats, 'texts/s']];
  if (pre) {
    rows.push([`classify, ${texts.length} texts, ${pre.name}`, cmp.per[pre.name], 'texts/s']);
    rows.push([`classify: this / pre-wave (per round)`, cmp.ratio, 'x']);
    rows.push([`analyze, ${logs.length} corpus logs`, whole.per[now.name], 'logs/s']);
    rows.push([`analyze, ${logs.length} corpus logs, ${pre.name}`, whole.per[pre.name], 'logs/s']);
    rows.push([`analyze: this / pre-wave (per round)`, whole.ratio, 'x']);
    rows.push([`analyze peak RSS (own process)`, peaks.per[now.name], 'MB']);
    rows.push([`analyze peak RSS (own process), ${pre.name}`, peaks.per[pre.name], 'MB']);
  }
  // A 1 MiB adversarial command vs a 1 MiB plain one, through `analyze` (the CLI, the whole path).
  // 1 MiB lines, less the words around the command: trace/read.ts keeps lines up to 1 MiB.
  const size = (1 << 20) - 4096;
  const plainLog = join(work, 'plain-line.log');
  const hostileLog = join(work, 'adversarial-line.log');
  writeFileSync(plainLog, failingRunLog('x'.repeat(size)));
  writeFileSync(hostileLog, failingRunLog(adversarialBody(size)));
  const budgetMs = 120_000;
  const analyze = (file) => async () => {
    const t0 = Date.now();
    const r = await new Promise((resolve) => {
      const child = spawn(process.execPath, [cli, 'analyze', '--log', file, '--format', 'json'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let stdout = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), budgetMs);
      child.stdout.on('data', (d) => (stdout += d));
      child.on('close', () => {
        clearTimeout(timer);
        resolve(stdout);
      });
    });
    const ms = Date.now() - t0;
    try {
      lastCategory[file] = JSON.parse(r).failure?.category ?? 'none';
    } catch {
      lastCategory[file] = `killed after ${budgetMs / 1000} s`;
    }
    return ms;
  };
  const lastCategory = {};
  const plain = await measure(quick ? 1 : 3, analyze(plainLog));
  const hostile = await measure(quick ? 1 : 3, analyze(hostileLog));
  table('Classification and whole-log analysis (higher is better) and a 1 MiB line through analyze', [
    ...rows,
    [`analyze, 1 MiB plain RUN command (${lastCategory[plainLog]})`, plain],
    [`analyze, 1 MiB adversarial RUN command (${lastCategory[hostileLog]})`, hostile],
  ]);
  const ratio = hostile.median / plain.median;
  console.log(`\nadversarial / plain 1 MiB line: ${ratio.toFixed(2)} (linear: close to 1)`);
  if (pre) {
    console.log(
      `classify throughput, this tree / pre-wave: ${cmp.ratio.median.toFixed(2)} (target ≥ 0.9); whole-log analyze: ${whole.ratio.median.toFixed(2)} (target ≥ 0.9); peak RSS, this / pre-wave: ${peaks.ratio.median.toFixed(2)}`,
    );
    results.classifyVsPreWave = cmp.ratio.median;
    results.analyzeVsPreWave = whole.ratio.median;
    results.analyzePeakRssVsPreWave = peaks.ratio.median;
  }
  results.scenarios.verdict = {
    classifyPerSecond: classifyStats,
    ...(pre
      ? { preWave: pre.name, classify: cmp, wholeLog: { logs: logs.length, ...whole }, peakRssMB: peaks }
      : {}),
    plainLineMs: plain,
    adversarialLineMs: hostile,
    categories: { plain: lastCategory[plainLog], adversarial: lastCategory[hostileLog] },
  };
  results.adversarialLineRatio = ratio;
}

// ---- 4. retry recovery ---------------------------------------------------------------------

async function retry(env) {
  const sockets = env.BUILDX_GUARD_DOCKER_HOSTS.split(' ').map((h) => h.replace('unix://', ''));
  const bridge = await new NodeBridge({ socketPath: sockets[0] }).start();
  const waitSeconds = 1;
  try {
    const once = async (fault) => {
      const ctx = busyboxContext(
        env,
        `${BASE}FROM busybox\nRUN echo ${randomBytes(4).toString('hex')} && sleep 6\n`,
      );
      const e = actionEnv(env, {
        driver: 'remote',
        endpoint: bridge.endpoint,
        context: ctx,
        network: 'none',
        comment: 'off',
        baseline: 'false',
        'retry-wait-seconds': String(waitSeconds),
        'retry-max-wait-seconds': String(waitSeconds),
      });
      bridge.setFault(fault);
      const r = await run(process.execPath, [join(repo, 'dist', 'index.js')], { env: e });
      await post(e);
      const attempts = readFileSync(e.GITHUB_OUTPUT, 'utf8').match(/attempts<<\S+\n(\d+)/)?.[1];
      if (attempts !== (fault ? '2' : '1'))
        throw new Error(`expected ${fault ? 2 : 1} attempt(s), got ${attempts}`);
      return r.ms;
    };
    const clean = await measure(RUNS, () => once(null));
    const faulted = await measure(RUNS, () => once('goaway=3000'));
    table('Retry recovery: a ~6 s step, GOAWAY at ~50% of the first attempt', [
      ['no fault (1 attempt)', clean],
      ['GOAWAY at 3 s, retried (2 attempts)', faulted],
    ]);
    const ratio = faulted.median / clean.median;
    const target = 1.3 + (waitSeconds * 1000) / clean.median;
    console.log(
      `\nretry recovery ratio: ${ratio.toFixed(2)} (target ≤ 1.3 plus the backoff: ${target.toFixed(2)})`,
    );
    results.scenarios.retry = { clean, faulted, backoffMs: waitSeconds * 1000, target };
    results.retryRecoveryRatio = ratio;
  } finally {
    await bridge.close();
  }
}

// ---- 5b. bake isolation -------------------------------------------------------------------

/**
 * A 4-target bake whose targets share one stage, `bake-isolation: targets` against `none`, side by
 * side on one remote node: all cold (a new stage each round) and all cached (the same one). The
 * shared stage prints a random number: every bake's log shows the same one when BuildKit ran
 * it once for all (concurrent solves share identical vertices), different ones when it ran per bake.
 */
async function bakeIsolation(env) {
  const sockets = env.BUILDX_GUARD_DOCKER_HOSTS.split(' ').map((h) => h.replace('unix://', ''));
  const bridge = await new NodeBridge({ socketPath: sockets[0] }).start();
  const name = `bench-iso-${randomBytes(3).toString('hex')}`;
  await createRemote(env, name, [bridge]);
  const targets = ['app', 'api', 'worker', 'cli'];
  const project = (marker) => {
    const dir = busyboxContext(
      env,
      `${BASE}FROM busybox AS base\nRUN echo ${marker} && echo run-$RANDOM$RANDOM$RANDOM && sleep 2\n${targets
        .map((t) => `FROM base AS ${t}\nRUN echo ${t} && sleep 1\n`)
        .join('')}`,
    );
    writeFileSync(
      join(dir, 'docker-bake.hcl'),
      `group "default" {\n  targets = [${targets.map((t) => `"${t}"`).join(', ')}]\n}\n${targets
        .map((t) => `target "${t}" {\n  target = "${t}"\n  network = "none"\n}\n`)
        .join('')}`,
    );
    return dir;
  };
  const sharedRuns = [];
  const once = async (isolation, dir, marker) => {
    const e = actionEnv(env, {
      builder: name,
      workdir: dir,
      comment: 'off',
      baseline: 'false',
      'bake-isolation': isolation,
    });
    const r = await run(process.execPath, [join(repo, 'dist', 'index.js')], { env: e });
    if (isolation === 'targets' && marker) {
      // The numbers the shared stage printed, as the bakes' logs show them.
      const clocks = new Set([...r.stdout.matchAll(/^\[\w+\] #\d+ [\d.]+ (run-\d+)$/gm)].map((m) => m[1]));
      sharedRuns.push(clocks.size);
    }
    return r.ms;
  };
  try {
    const cold = await interleaved(RUNS, [
      () => {
        const m = `cold-${randomBytes(4).toString('hex')}`;
        return once('none', project(m), m);
      },
      () => {
        const m = `cold-${randomBytes(4).toString('hex')}`;
        return once('targets', project(m), m);
      },
    ]);
    const warm = `warm-${randomBytes(4).toString('hex')}`;
    const cachedDir = project(warm);
    const cached = await interleaved(RUNS, [() => once('none', cachedDir), () => once('targets', cachedDir)]);
    const [coldNone, coldIso, cachedNone, cachedIso] = [...cold, ...cached].map(stats);
    table('Bake isolation: 4 targets sharing a stage (2 s) on one remote node, main phase', [
      ['cold, bake-isolation none (one bake)', coldNone],
      ['cold, bake-isolation targets (4 bakes)', coldIso],
      ['cached, bake-isolation none', cachedNone],
      ['cached, bake-isolation targets', cachedIso],
    ]);
    const coldRatio = coldIso.median / coldNone.median;
    const cachedRatio = cachedIso.median / cachedNone.median;
    const executions = sharedRuns.length ? Math.max(...sharedRuns) : 0;
    console.log(
      `\nbake isolation ratio: cold ${coldRatio.toFixed(2)} (target ≤ 1.25), cached ${cachedRatio.toFixed(2)} (target ≤ 1.15); the shared stage ran ${executions} time(s) per isolated bake set (${sharedRuns.join(', ')})`,
    );
    results.scenarios.bakeIsolation = { coldNone, coldIso, cachedNone, cachedIso, sharedRuns };
    results.bakeIsolationRatio = { cold: coldRatio, cached: cachedRatio, sharedStageRuns: executions };
  } finally {
    await run('docker', ['buildx', 'rm', '--force', name], { env, allowFail: true });
    await bridge.close();
  }
}

// ---- 6. redaction cost ---------------------------------------------------------------------

/**
 * The one redactor (src/redact/redact.ts, bundled here with esbuild) over a report model of growing
 * size: the failing step's log lines from a real capture, repeated, with five secrets (one of them
 * multi-line). Cost must stay linear: ms per MB at the largest size vs the smallest.
 */
async function redaction() {
  const { build } = await import('esbuild');
  const mod = join(work, 'redact.mjs');
  await build({
    entryPoints: [join(repo, 'src', 'redact', 'redact.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: mod,
    logLevel: 'silent',
  });
  const { Redactor } = await import(mod);
  const lines = readFileSync(
    join(repo, '__fixtures__', 'logs', 'failing-run', '0.29.1-plain.log'),
    'utf8',
  ).split('\n');
  const secrets = [
    'my_s3cret*val%1',
    'tok_VAL*UE%9x',
    'ghs_0123456789abcdefABCDEF',
    'p@ss w0rd!',
    'line-one_AAAA\nline-two_BBBB',
  ];
  const sizes = quick ? [1e6, 4e6] : [1e6, 4e6, 16e6];
  const rows = [];
  const per = {};
  for (const size of sizes) {
    const log = [];
    let bytes = 0;
    for (let i = 0; bytes < size; i++) {
      const l = lines[i % lines.length];
      log.push(l);
      bytes += l.length + 1;
    }
    const report = {
      findings: [{ title: 'x', message: log.slice(0, 200).join('\n') }],
      failingLog: { lines: log },
    };
    const s = await measure(RUNS, async () => {
      const t0 = process.hrtime.bigint();
      new Redactor(secrets).value(report);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    });
    rows.push([`redact a ${(bytes / 1e6).toFixed(0)} MB report, 5 secrets`, s]);
    per[`${Math.round(bytes / 1e6)}MB`] = { ms: s, msPerMB: s.median / (bytes / 1e6) };
  }
  table('Redaction (lower is better)', rows);
  const keys = Object.keys(per);
  const ratio = per[keys.at(-1)].msPerMB / per[keys[0]].msPerMB;
  console.log(`\nredaction ms per MB, largest vs smallest report: ${ratio.toFixed(2)} (linear: about 1)`);
  results.scenarios.redaction = per;
  results.redactionLinearity = ratio;
}

// ---- 5. cold start -------------------------------------------------------------------------

async function coldstart() {
  const empty = await measure(RUNS, async () => (await run(process.execPath, ['-e', ''])).ms);
  const load = await measure(RUNS, async () => {
    // An invalid input stops the action right after loading and parsing its inputs.
    const r = await run(process.execPath, [join(repo, 'dist', 'index.js')], {
      env: {
        ...process.env,
        INPUT_DRIVER: 'bench-invalid',
        GITHUB_STATE: join(work, 'state'),
        GITHUB_OUTPUT: join(work, 'out'),
      },
      allowFail: true,
    });
    return r.ms;
  });
  const distBytes = readdirSync(join(repo, 'dist')).reduce(
    (sum, f) => sum + statSync(join(repo, 'dist', f)).size,
    0,
  );
  const jsBytes = readdirSync(join(repo, 'dist'))
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + statSync(join(repo, 'dist', f)).size, 0);
  table('Cold start', [
    ['node -e "" (the floor)', empty],
    ['node dist/index.js to its first decision', load],
  ]);
  console.log(
    `\ncold start to the first decision: ${load.median.toFixed(0)} ms (target ≤ 150 ms); dist/: ${(distBytes / 1e6).toFixed(2)} MB in all, ${(jsBytes / 1e6).toFixed(2)} MB of JavaScript`,
  );
  writeFileSync(join(work, 'state'), '');
  results.scenarios.coldstart = { empty, load, distBytes, jsBytes };
  results.coldStartMs = load.median;
  results.distBytes = distBytes;
}

// ---- main ----------------------------------------------------------------------------------

function stopEngine() {
  if (!startedEngine) return;
  startedEngine = false;
  execFileSync('bash', [engine, 'stop'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// Ctrl-C or a CI cancellation: stop what this run started, then leave.
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopEngine();
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
}

// ---- the flake ledger ------------------------------------------------------------------------

/**
 * What the ledger costs a clean, fully cached build (issue 26: ≤ 30 ms): the action's main phase on
 * the docker driver with `ledger: true` and `ledger: false` in turn, both with the real
 * @actions/cache library against the test's local cache service (compiled from
 * __tests__/support/cache-server.ts), a push on the default branch, the same runner folder each run
 * (so the ledger is restored, appended and saved every time). Everything else at its default (the
 * baseline restored and saved on both sides, as a workflow that sets nothing has it).
 */
async function ledger(env) {
  const { build } = await import('esbuild');
  const out = join(work, 'cache-server.mjs');
  await build({
    entryPoints: [join(repo, '__tests__', 'support', 'cache-server.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
  const { FakeCacheService } = await import(out);
  const service = await new FakeCacheService().start();
  try {
    const ctx = busyboxContext(env, `${BASE}FROM busybox\nRUN echo ${randomBytes(4).toString('hex')}\n`);
    await run('docker', ['buildx', 'build', '--progress=quiet', '--network=none', ctx], { env });
    const temp = mkdtempSync(join(work, 'ledger-temp-'));
    let id = 0;
    const side = (on) => async () => {
      const e = actionEnv(env, {
        driver: 'docker',
        context: ctx,
        network: 'none',
        comment: 'off',
        ledger: String(on),
      });
      Object.assign(e, service.env, {
        RUNNER_TEMP: temp,
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_WORKFLOW: 'ci',
        GITHUB_JOB: 'image',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_RUN_ID: String(++id),
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_WORKSPACE: ctx,
      });
      return (await run(process.execPath, [join(repo, 'dist', 'index.js')], { env: e })).ms;
    };
    const [on, off] = await interleaved(OVERHEAD_RUNS, [side(true), side(false)]);
    const s = { on: stats(on), off: stats(off) };
    s.costMs = s.on.median - s.off.median;
    s.ratio = s.on.median / s.off.median;
    const saved = service.entries.filter((e) => e.key.startsWith('buildx-guard-baseline-'));
    // The last saved cache entry (a compressed tar) and the ledger file in it.
    s.cacheEntryBytes = saved.length ? saved[saved.length - 1].blob.length : 0;
    const folder = readdirSync(temp).find((f) => f.startsWith('buildx-guard-baseline-'));
    s.ledgerFileBytes = folder ? statSync(join(temp, folder, 'ledger.json')).size : 0;
    s.runs = saved.length;
    table('The flake ledger: a warm, fully cached build, ledger on and off in turn (docker driver)', [
      ['action main phase, ledger: true (restore, append, save)', s.on],
      ['action main phase, ledger: false', s.off],
    ]);
    console.log(
      `\nledger cost: ${s.costMs.toFixed(0)} ms (ratio ${s.ratio.toFixed(3)}; target ≤ 30 ms); ${saved.length} runs saved, the last ledger.json ${s.ledgerFileBytes} bytes (${s.cacheEntryBytes} bytes in the cache)`,
    );
    results.scenarios.ledger = s;
    results.ledgerCostMs = s.costMs;
  } finally {
    await service.stop();
  }
}

const want = (name) => !only || only.includes(name);
try {
  writeFileSync(join(work, 'state'), '');
  writeFileSync(join(work, 'out'), '');
  const needsEngine =
    want('overhead') || want('bootstrap') || want('retry') || want('bakeiso') || want('ledger');
  // The ledger alone needs one daemon: the test bed's default two, not four.
  const ledgerOnly = only?.every((n) => n === 'ledger');
  const env = needsEngine ? engineEnv(quick || ledgerOnly ? 2 : 4) : process.env;
  console.log(`# buildx-guard benchmarks${quick ? ' (quick smoke run: 1 run each, small sizes)' : ''}`);
  if (want('overhead')) await overhead(env);
  if (want('bootstrap')) await bootstrap(env);
  if (want('analysis')) await analysis();
  if (want('verdict')) await verdict();
  if (want('retry')) await retry(env);
  if (want('bakeiso')) await bakeIsolation(env);
  if (want('coldstart')) await coldstart();
  if (want('redaction')) await redaction();
  if (want('ledger')) await ledger(env);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults: ${outFile}`);
} finally {
  stopEngine();
  rmSync(work, { recursive: true, force: true });
}
