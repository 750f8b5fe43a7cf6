// A direct TCP connect to a node's tcp:// endpoint. It tells at once what buildx's remote driver
// only reports after its own 20 s wait: the port refuses connections, the name does not resolve, the
// host is unreachable. A few quick probes (`QUICK_PROBE_DELAYS_MS`) cover a node that is restarting.
import net from 'node:net';

/** What one connect attempt found. Only `dead` is a verdict; everything else leaves it to buildx. */
export type Reach =
  | { kind: 'open' }
  /** Refused, unresolvable or unreachable: nothing will answer there. */
  | { kind: 'dead'; detail: string }
  /** No answer to the connect within the probe's timeout, or an error that is not a verdict. */
  | { kind: 'unsure'; detail: string }
  /** Not a tcp:// endpoint (unix socket, Docker context, kubernetes, ssh): not probed. */
  | { kind: 'not-tcp' };

/** Connect errors that mean nothing listens at the endpoint, with the words the messages use. */
const DEAD: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host',
  EAI_NONAME: 'no such host',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network is unreachable',
};

/** A single probe gets this long to connect. */
export const PROBE_TIMEOUT_MS = 3_000;

/**
 * The waits between quick probes: probes at 0, 2, 4 and 7 s. A node is reported dead only when
 * every one of them found it dead, so a node restarting within about 7 s is booted normally.
 */
export const QUICK_PROBE_DELAYS_MS = [2_000, 2_000, 3_000];

/** How long the quick probes keep trying a dead node, in seconds (for the log). */
export function probeWindowSeconds(delaysMs = QUICK_PROBE_DELAYS_MS): number {
  return Math.round(delaysMs.reduce((a, b) => a + b, 0) / 1000);
}

export interface ProbeOptions {
  timeoutMs?: number;
  /** Name resolution, as net.connect takes it (tests answer ENOTFOUND without a resolver). */
  lookup?: net.LookupFunction;
}

/** One connect attempt to a tcp:// endpoint. */
export function probeEndpoint(endpoint: string, opts: ProbeOptions = {}): Promise<Reach> {
  const timeoutMs = opts.timeoutMs ?? PROBE_TIMEOUT_MS;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return Promise.resolve({ kind: 'not-tcp' });
  }
  if (url.protocol !== 'tcp:' || !url.port) return Promise.resolve({ kind: 'not-tcp' });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const where = `tcp ${host}:${url.port}`;
  return new Promise((resolve) => {
    const socket = net.connect({
      host,
      port: Number(url.port),
      ...(opts.lookup ? { lookup: opts.lookup } : {}),
    });
    const done = (result: Reach) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () =>
      done({ kind: 'unsure', detail: `${where}: no answer within ${timeoutMs / 1000} s` }),
    );
    socket.once('connect', () => done({ kind: 'open' }));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const dead = e.code ? DEAD[e.code] : undefined;
      done(
        dead
          ? { kind: 'dead', detail: `${where}: ${dead}` }
          : { kind: 'unsure', detail: `${where}: ${e.message}` },
      );
    });
  });
}

/** What a failed node's reason adds: the probe's finding, or nothing when it connects or is not tcp. */
export async function probeTcp(endpoint: string, opts: ProbeOptions = {}): Promise<string | undefined> {
  const r = await probeEndpoint(endpoint, opts);
  return r.kind === 'dead' || r.kind === 'unsure' ? r.detail : undefined;
}

export interface QuickProbeOptions extends ProbeOptions {
  delaysMs?: number[];
  /** No probe starts after this time (ms since the epoch): the bootstrap deadline. */
  deadline?: number;
  signal?: AbortSignal;
  /** Called once, when the first probe finds the endpoint dead. */
  onDead?: (detail: string) => void;
}

/**
 * Probes until the endpoint is not dead, at most 1 + delaysMs.length times. Resolves with the
 * verdict `dead` (naming how many probes over how long) only when every probe found it dead;
 * otherwise with the first probe's finding that was not `dead`. Stops early when aborted.
 */
export async function quickProbe(endpoint: string, opts: QuickProbeOptions = {}): Promise<Reach> {
  const delays = opts.delaysMs ?? QUICK_PROBE_DELAYS_MS;
  const start = Date.now();
  let last: Reach = await probeEndpoint(endpoint, opts);
  let probes = 1;
  if (last.kind === 'dead') opts.onDead?.(last.detail);
  for (const delay of delays) {
    if (last.kind !== 'dead' || opts.signal?.aborted) return last;
    if (opts.deadline !== undefined && Date.now() + delay >= opts.deadline) break;
    if (!(await wait(delay, opts.signal))) return last;
    last = await probeEndpoint(endpoint, opts);
    probes++;
  }
  if (last.kind !== 'dead') return last;
  const over = probes > 1 ? ` over ${Math.round((Date.now() - start) / 1000)} s` : '';
  return { kind: 'dead', detail: `${last.detail} (${probes} probe${probes === 1 ? '' : 's'}${over})` };
}

/** Waits `ms`; false when aborted first. */
function wait(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
