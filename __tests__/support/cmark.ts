// cmark-gfm, GitHub's Markdown parser, for tests that check what a report renders to. Found as
// CMARK_GFM (a path), else the machine's `cmark-gfm`, else provisioned the test bed's way
// (scripts/testbed/cmark.sh: Debian's package, downloaded once into the cache and unpacked with
// dpkg -x). When none works the call throws: a test that needs it fails loudly, never skips.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/** GitHub's extensions (github.com renders comments and summaries with these). */
export const GFM_EXTENSIONS = ['table', 'autolink', 'strikethrough', 'tagfilter'];

interface Binary {
  bin: string;
  env: NodeJS.ProcessEnv;
}
let found: Binary | undefined;

function works(b: Binary): boolean {
  const r = spawnSync(b.bin, ['--version'], { env: b.env, encoding: 'utf8' });
  return r.status === 0 && /cmark-gfm/.test(r.stdout);
}

/** The cmark-gfm binary and the environment to run it in (installed on first use when missing). */
export function cmarkGfm(): Binary {
  if (found) return found;
  const candidates: Binary[] = [];
  if (process.env.CMARK_GFM) candidates.push({ bin: process.env.CMARK_GFM, env: process.env });
  candidates.push({ bin: 'cmark-gfm', env: process.env });
  for (const c of candidates) if (works(c)) return (found = c);
  let root: string;
  try {
    root = execFileSync('bash', [join(repoRoot, 'scripts', 'testbed', 'cmark.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (e) {
    const err = (e as { stderr?: string }).stderr?.trim();
    throw new Error(
      `cmark-gfm is needed to check the rendered Markdown and could not be provisioned: ${err || (e as Error).message}`,
      { cause: e },
    );
  }
  const lib = join(root, 'usr', 'lib', 'x86_64-linux-gnu');
  const b = {
    bin: join(root, 'usr', 'bin', 'cmark-gfm'),
    env: { ...process.env, LD_LIBRARY_PATH: [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
  };
  if (!works(b)) throw new Error(`cmark-gfm was unpacked into ${root} but does not run`);
  return (found = b);
}

/**
 * Markdown as GitHub's parser renders it to HTML, with raw HTML kept (`--unsafe`: GitHub passes
 * HTML through its sanitizer, so a test must see every tag the Markdown let through).
 */
export function renderGfm(markdown: string, opts: { preLang?: boolean } = {}): string {
  const { bin, env } = cmarkGfm();
  // preLang: a fenced block's language as `<pre lang="…">`, as GitHub marks Mermaid blocks.
  const args = [
    '--unsafe',
    ...GFM_EXTENSIONS.flatMap((e) => ['-e', e]),
    ...(opts.preLang ? ['--github-pre-lang'] : []),
  ];
  return execFileSync(bin, args, {
    input: markdown,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Installs the Debian packages that provide `commands` when a command is missing; throws if it cannot. */
export function ensureDebian(packages: Record<string, string>): void {
  const has = (command: string) => spawnSync('sh', ['-c', `command -v "$1"`, 'sh', command]).status === 0;
  const missing = Object.entries(packages).filter(([command]) => !has(command));
  if (!missing.length) return;
  const names = [...new Set(missing.map(([, pkg]) => pkg))];
  const apt = (args: string[]) =>
    spawnSync('apt-get', args, {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 600_000,
    });
  const update = apt(['update']);
  const install = update.status === 0 ? apt(['install', '-y', '--no-install-recommends', ...names]) : update;
  const still = missing.filter(([command]) => !has(command));
  if (install.status !== 0 || still.length)
    throw new Error(
      `The report render test needs ${still.map(([c]) => c).join(', ')} (Debian ${names.join(', ')}) and ` +
        `could not install them with apt-get (run as root with a reachable Debian mirror): ` +
        `${(install.stderr || install.error?.message || '').trim().split('\n').slice(-3).join(' ')}`,
    );
}
