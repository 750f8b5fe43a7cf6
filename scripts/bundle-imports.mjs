// What a bundle leaves to Node to load at run time. The npm package ships only dist/ and declares no
// dependencies, so every such import must be a Node built-in; scripts/bundle.mjs refuses to write (or,
// with --check, to accept) a dist/ that would load anything else.
import { builtinModules } from 'node:module';

const builtin = new Set(builtinModules);

/**
 * Every import esbuild did not bundle (static, dynamic import(), require()) that is not a Node
 * built-in, as `'name' (kind in file)`; `metafile` is esbuild's, `root` its absWorkingDir.
 * @param {{ outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }> }} metafile
 * @returns {string[]}
 */
export function packageImports(metafile) {
  const found = new Set();
  for (const [file, output] of Object.entries(metafile.outputs))
    for (const i of output.imports)
      if (i.external && !i.path.startsWith('node:') && !builtin.has(i.path))
        found.add(`'${i.path}' (${i.kind} in ${file})`);
  return [...found].sort();
}
