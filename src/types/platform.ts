// Platforms as buildx and BuildKit spell them (`os/arch[/variant]`, `*` marking one the user set),
// and the one rule for whether a node's platform serves a requested one: the builder's preflight and
// the ledger's attribution both use it. Pure.

interface Parsed {
  os: string;
  arch: string;
  variant?: string;
}

function parse(p: string): Parsed {
  const [os = '', arch = '', variant] = p.trim().toLowerCase().replace(/\*$/, '').split('/');
  return { os, arch, variant: variant || undefined };
}

/** Whether a node platform serves a requested one: os and architecture, the variant when asked. */
export function serves(node: string, requested: string): boolean {
  const n = parse(node);
  const r = parse(requested);
  if (n.os !== r.os || n.arch !== r.arch) return false;
  if (!r.variant) return true;
  // arm64 is v8 unless it says otherwise.
  const nv = n.variant ?? (n.arch === 'arm64' ? 'v8' : undefined);
  return nv === r.variant;
}

/**
 * Whether two spellings name the same platform (`linux/arm64` and `linux/arm64/v8*`): each serves
 * the other. A node's `linux/amd64/v2` serves a request for `linux/amd64`, but is not the same.
 */
export function samePlatform(a: string, b: string): boolean {
  return serves(a, b) && serves(b, a);
}
