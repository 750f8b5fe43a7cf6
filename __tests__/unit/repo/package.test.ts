// What the npm package promises without the engine: the bundle loads no package at run time (every
// way a bundle can load one is refused), and the release notes come from CHANGELOG.md.
// __tests__/e2e/pack.test.ts packs and installs the package itself.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { packageImports } from '../../../scripts/bundle-imports.mjs';
import { releaseNotes } from '../../../scripts/release-notes.mjs';
import { VERSION } from '../../../src/version.js';
import { repoRoot } from '../../support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'bxg-pkg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bundles `source` as scripts/bundle.mjs does (node, esm, splitting) and lists its package imports. */
async function importsOf(source: string, external: string[] = []): Promise<string[]> {
  const entry = join(dir, `e${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    outdir: join(dir, 'out'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    external,
  });
  return packageImports(result.metafile).map((i) => i.replace(/ in .*\)$/, ')'));
}

test.each([
  ['a static import of an external package', "import x from 'left-pad'; export default x;", ['left-pad']],
  ['a dynamic import()', "export const f = () => import('left-pad');", ['left-pad']],
  [
    'a require() esbuild cannot resolve, in a try',
    "let x; try { x = require('no-such-package-here'); } catch {} export { x };",
    [],
  ],
])('%s is found', async (_, source, external) => {
  const found = await importsOf(source, external);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(
    /^'(left-pad|no-such-package-here)' \((import-statement|dynamic-import|require-call)\)$/,
  );
});

test('Node built-ins, with and without node:, are not packages', async () => {
  expect(
    await importsOf(
      "import fs from 'node:fs'; import path from 'path'; export const f = () => [fs, path, require('buffer'), import('node:os')];",
    ),
  ).toEqual([]);
});

test('package.json: publishable, only dist/, action.yml, docs and CHANGELOG, no run-time dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  expect(pkg.private).toBeUndefined();
  expect(pkg.files).toEqual(['dist/', 'action.yml', 'docs/', 'CHANGELOG.md']);
  expect(pkg.dependencies).toBeUndefined();
  // npm pack and npm publish run prepack: neither ships a dist/ that is not the source's bundle
  // (its message to stderr, so `npm pack --json` stays JSON).
  expect(pkg.scripts.prepack).toBe('node scripts/bundle.mjs --check >&2');
  expect(pkg.license).toBe('MIT');
  expect(readFileSync(join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
});

test('CHANGELOG.md has the notes of the current version; a version without a section has none', () => {
  const changelog = readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8');
  const notes = releaseNotes(changelog, `v${VERSION}`);
  expect(notes).toContain('npx buildx-guard@');
  expect(notes).not.toMatch(/^## /m);
  expect(releaseNotes(changelog, '999.0.0')).toBeUndefined();
  expect(releaseNotes('# C\n\n## 1.0.0\n\n## 0.9.0\n\n- x\n', '1.0.0')).toBeUndefined();
  expect(releaseNotes('# C\n\n## 1.0.0\n\n- a\n\n### b\n\n- c\n## 0.9.0\n- x\n', 'v1.0.0')).toBe(
    '- a\n\n### b\n\n- c',
  );
});

test('every buildx-guard@<version> in the README, the docs and the examples is the current version', () => {
  const files = [
    'README.md',
    ...readdirSync(join(repoRoot, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
    ...readdirSync(join(repoRoot, 'examples'))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => `examples/${f}`),
  ];
  const found = files.flatMap((f) =>
    [...readFileSync(join(repoRoot, f), 'utf8').matchAll(/buildx-guard@(\d[\w.-]*)/g)].map((m) => ({
      f,
      v: m[1],
    })),
  );
  expect(found.length).toBeGreaterThan(0);
  expect(found.filter(({ v }) => v !== VERSION)).toEqual([]);
});
