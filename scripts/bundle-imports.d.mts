/** Imports a bundle leaves to Node at run time that are not Node built-ins, as `'name' (kind in file)`. */
export function packageImports(metafile: {
  outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
}): string[];
