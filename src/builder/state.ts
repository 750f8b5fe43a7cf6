// What buildx says about a builder's nodes, read from its JSON output where it exists
// (`docker buildx ls --format json`, buildx ≥ 0.13) and from `docker buildx inspect` text otherwise.
// Pure: tested against output captured from real buildx on the test bed.

export type { BuilderState, NodeState } from '../types/builder.js';
import type { BuilderState, NodeState } from '../types/builder.js';

interface LsNode {
  Name?: string;
  Endpoint?: string;
  Status?: string;
  Err?: string;
  Version?: string;
  Platforms?: string[];
}

/**
 * Finds one builder in `ls --format json` output (one JSON object per line). buildx 0.13.1 prints
 * each builder twice; the last line for a name wins.
 */
export function parseLsJson(text: string, builder: string): BuilderState | undefined {
  let found: BuilderState | undefined;
  const unknown: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    let obj: { Name?: string; Driver?: string; Err?: string; Nodes?: LsNode[] };
    try {
      obj = JSON.parse(t);
    } catch {
      unknown.push(t);
      continue;
    }
    if (obj.Name !== builder) continue;
    found = {
      name: builder,
      driver: obj.Driver ?? '',
      ...(obj.Err ? { error: obj.Err } : {}),
      nodes: (obj.Nodes ?? []).map((n) => ({
        name: n.Name ?? '',
        endpoint: n.Endpoint ?? '',
        status: (n.Status ?? '').toLowerCase(),
        error: n.Err ?? '',
        buildkit: n.Version ?? '',
        platforms: n.Platforms ?? [],
      })),
      unknown,
    };
  }
  return found;
}

const NODE_KEYS = new Set([
  'Name',
  'Endpoint',
  'Status',
  'Error',
  'BuildKit version',
  'BuildKit',
  'Buildkit',
  'Platforms',
  'Driver Options',
  'Flags',
  'Labels',
  'BuildKit daemon flags',
  'Devices',
]);

/** Parses `docker buildx inspect` text of any buildx version, including nodes with an `Error:` line. */
export function parseInspect(text: string): BuilderState {
  const state: BuilderState = { name: '', driver: '', nodes: [], unknown: [] };
  let node: NodeState | undefined;
  let inNodes = false;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    // Indented lines and GC policy blocks belong to the key above them (policies, labels, devices).
    if (/^\s/.test(raw) || raw.startsWith('GC Policy') || raw.startsWith('Worker ')) continue;
    const m = raw.match(/^([A-Za-z][A-Za-z ]*?):(.*)$/);
    if (!m) {
      state.unknown.push(raw);
      continue;
    }
    const key = m[1];
    const value = m[2].trimStart();
    if (key === 'Nodes') {
      inNodes = true;
      continue;
    }
    if (!inNodes) {
      if (key === 'Name') state.name = value;
      else if (key === 'Driver') state.driver = value;
      else if (key === 'Error') state.error = value;
      else if (key !== 'Last Activity' && key !== 'Dynamic') state.unknown.push(raw);
      continue;
    }
    if (key === 'Name') {
      node = { name: value, endpoint: '', status: '', error: '', buildkit: '', platforms: [] };
      state.nodes.push(node);
      continue;
    }
    if (!node) continue;
    if (!NODE_KEYS.has(key)) {
      state.unknown.push(raw);
      continue;
    }
    if (key === 'Endpoint') node.endpoint = value;
    else if (key === 'Status') node.status = value.toLowerCase();
    else if (key === 'Error') node.error = value;
    else if (key.toLowerCase().startsWith('buildkit') && key !== 'BuildKit daemon flags')
      node.buildkit = value;
    else if (key === 'Platforms') {
      node.platforms = splitPlatforms(value);
      const declared = declaredPlatforms(value);
      if (declared.length) node.declared = declared;
    }
  }
  // A node with an error and no status is in error, as `ls` says.
  for (const n of state.nodes) if (n.error && !n.status) n.status = 'error';
  return state;
}

/** `linux/amd64*, linux/arm64` → ['linux/amd64']: the platforms the user set on the node. */
export function declaredPlatforms(value: string): string[] {
  return value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.endsWith('*'))
    .map((p) => p.slice(0, -1));
}

/** `linux/amd64*, linux/arm64` → ['linux/amd64', 'linux/arm64'] (`*` marks platforms set by the user). */
export function splitPlatforms(value: string): string[] {
  return value
    .split(',')
    .map((p) => p.trim().replace(/\*$/, ''))
    .filter((p) => p !== '');
}

/**
 * Per-node reasons from the progress buildx prints while booting (`inspect --bootstrap`):
 * `#1 [b internal] waiting for connection` … `#1 ERROR: context deadline exceeded`. A single-node
 * builder, or a builder with one node left to boot, labels its vertex `[internal]`: pass the names of
 * the nodes that were booted.
 */
export function parseBootProgress(stderr: string, nodeNames: string[]): Map<string, string> {
  const vertexNode = new Map<string, string>();
  const reasons = new Map<string, string>();
  for (const line of stderr.split('\n')) {
    const named = line.match(/^#(\d+) \[(?:(\S+) )?internal\]/);
    if (named) {
      const node = named[2] ?? (nodeNames.length === 1 ? nodeNames[0] : undefined);
      if (node) vertexNode.set(named[1], node);
      continue;
    }
    const err = line.match(/^#(\d+) ERROR: (.*)$/);
    if (err) {
      const node = vertexNode.get(err[1]);
      if (node) reasons.set(node, err[2].trim());
    }
  }
  return reasons;
}

/** The final `ERROR: …` line buildx printed, if any. */
export function finalError(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.startsWith('ERROR: '));
  return lines.length ? lines[lines.length - 1].slice('ERROR: '.length).trim() : '';
}
