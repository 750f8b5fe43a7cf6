// Bundles src/ into dist/ (the action and the CLI), with linked source maps and a licenses file
// listing every third-party package that ends up in the bundle.
// `--check` bundles in memory (with dist/'s own paths, so source maps match) and fails when the
// result differs from the committed dist/.
import { build } from 'esbuild';
import { chmodSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageImports } from './bundle-imports.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const outdir = join(root, 'dist');
/** File name → contents of the fresh bundle. */
const files = new Map();

// Some bundled dependencies are CommonJS and call require() on Node built-ins.
const requireShim =
  "import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);";

/**
 * `@actions/core` imports its OIDC client (and with it `@actions/http-client`, `tunnel` and
 * `undici`, 0.8 MB) at load time, for `getIDToken()`, which this action never calls. Loading them
 * costs each phase about 35 ms. The plugin hands `core.js` a stand-in that imports the real client
 * the first time `getIDToken()` runs, so it becomes a chunk of its own (in the split bundle).
 */
const lazyOidc = {
  name: 'lazy-oidc-client',
  setup(b) {
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      /node_modules\/@actions\/core\/lib\/core\.js$/.test(args.importer)
        ? // The path is relative to the repository: the bundle names it, and must not depend on
          // where the repository is checked out (check-dist compares bundles made in two folders).
          {
            path: relative(process.cwd(), join(dirname(args.importer), 'oidc-utils.js')),
            namespace: 'lazy-oidc',
          }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-oidc' }, (args) => ({
      contents:
        "export const OidcClient = { getIDToken: async (aud) => (await import('./oidc-utils.js')).OidcClient.getIDToken(aud) };\n",
      resolveDir: dirname(join(process.cwd(), args.path)),
      loader: 'js',
    }));
  },
};

/**
 * `split`: the libraries a run loads only when a channel needs them (`import()` of the Actions cache
 * and the GitHub client) become chunks beside the entry, so the cold start reads only what it runs.
 */
async function bundle(entry, outfile, shebang, split = false) {
  const result = await build({
    absWorkingDir: root,
    ...(split
      ? {
          entryPoints: { [outfile.replace(/\.js$/, '')]: entry },
          outdir,
          splitting: true,
          chunkNames: 'chunk-[hash]',
        }
      : { entryPoints: [entry], outfile: join(outdir, outfile) }),
    bundle: true,
    plugins: [lazyOidc],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'warning',
    banner: { js: (shebang ? '#!/usr/bin/env node\n' : '') + requireShim },
  });
  for (const f of result.outputFiles) files.set(relative(outdir, f.path), Buffer.from(f.contents));
  const packages = packageImports(result.metafile);
  if (packages.length) {
    console.error(
      `dist/ would load ${packages.join(', ')} at run time, but the published package has no dependencies: bundle it (remove it from esbuild's external list, or make its import resolvable).`,
    );
    process.exit(1);
  }
  return Object.keys(result.metafile.inputs);
}

function packageOf(input) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
  if (!m) return undefined;
  return m[m.length - 1].replace(/^node_modules\//, '').replace(/\/$/, '');
}

function licenseText(pkgDir) {
  const names = existsSync(pkgDir) ? readdirSync(pkgDir) : [];
  const file = names.find((n) => /^(licen[cs]e|copying)(\.|$)/i.test(n));
  return file ? readFileSync(join(pkgDir, file), 'utf8').trim() : undefined;
}

function writeLicenses(inputs) {
  const dirs = new Map();
  for (const input of inputs) {
    const name = packageOf(input);
    if (!name) continue;
    const idx = input.lastIndexOf(`node_modules/${name}/`);
    dirs.set(name, join(root, input.slice(0, idx), 'node_modules', name));
  }
  const parts = [...dirs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, dir]) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const text =
        licenseText(dir) ?? `(no license file shipped; package.json declares ${pkg.license ?? 'none'})`;
      return `${name}@${pkg.version}\n${pkg.license ?? ''}\n${text}\n`;
    });
  files.set('licenses.txt', Buffer.from(parts.join('\n-----\n\n')));
}

const inputs = [
  ...(await bundle('src/index.ts', 'index.js', false, true)),
  ...(await bundle('src/cli.ts', 'cli.js', true)),
];
writeLicenses(inputs);
files.set('package.json', Buffer.from('{ "type": "module" }\n'));

if (check) {
  const differ = [];
  for (const [f, a] of files) {
    const b = existsSync(join(outdir, f)) ? readFileSync(join(outdir, f)) : undefined;
    if (!b || !a.equals(b)) differ.push(f);
  }
  const extra = existsSync(outdir) ? readdirSync(outdir).filter((f) => !files.has(f)) : [];
  if (differ.length || extra.length) {
    console.error(
      `dist/ does not match a fresh bundle of src/ (differs: ${[...differ, ...extra].join(', ')}). Run \`npm run bundle\` and commit dist/.`,
    );
    process.exit(1);
  }
  console.log('dist/ matches a fresh bundle of src/.');
} else {
  mkdirSync(outdir, { recursive: true });
  // Chunks of an earlier bundle have other hashes: remove what this bundle does not have.
  for (const f of readdirSync(outdir)) if (!files.has(f)) rmSync(join(outdir, f), { force: true });
  for (const [f, contents] of files) writeFileSync(join(outdir, f), contents);
  // The CLI runs as a command (package.json bin, npx): executable.
  chmodSync(join(outdir, 'cli.js'), 0o755);
  for (const f of readdirSync(outdir))
    if (!files.has(f)) console.warn(`dist/${f} is not part of the bundle; remove it`);
  console.log('bundled into dist/');
}
