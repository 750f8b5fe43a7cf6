// A stall of the build (the watchdog's verdict) and its wording: shared by the retry loop's
// classification and the stalled-build finding. Pure.
import type { Classification } from './categories.js';
import { classification } from './classify.js';

/** A node that did not answer the probe. */
export interface SilentNode {
  name: string;
  endpoint: string;
  reason: string;
}

export interface Stall {
  nodes: SilentNode[];
  /** The step that was running (its label), if the log said which. */
  step?: string;
  quietMs: number;
  /**
   * Every node answered, but the step was a push or an export to a registry (or an imagetools
   * merge): the silent peer is the registry. Its host when the output named it.
   */
  registry?: { host?: string };
}

/**
 * Steps that wait on a registry (BuildKit's vertex and status names): silence here with healthy
 * nodes is a registry that stopped answering, not a quiet compile. `pushing` covers BuildKit's image
 * exporter (`pushing layers`, `pushing manifest for host/…`) and the docker driver's own push step
 * (`pushing host/repo:tag with docker`, measured on the test bed).
 */
const REGISTRY_STEP =
  /\b(?:exporting to (?:image|oci image format|docker image format)|pushing|exporting cache|exporting manifest|exporting config|writing image|writing cache|naming to|preparing layers for inline cache|imagetools)\b/i;

export function isRegistryStep(step: string | undefined): boolean {
  return step !== undefined && REGISTRY_STEP.test(step);
}

/**
 * The registry host a push or a merge named last in its output (`pushing manifest for host/repo…`,
 * `pushing host/repo:tag with docker`).
 */
const REGISTRY_HOST =
  /(?:pushing(?: (?:manifest|layers?|config))?(?: for)?|naming to|exporting cache to|copying [^\s"]+ from [^\s"]+ to|manifest for) ([a-z0-9][a-z0-9.-]*(?::\d+)?)\//gi;

export function registryHostIn(text: string): string | undefined {
  let host: string | undefined;
  for (const m of text.matchAll(REGISTRY_HOST)) {
    // `docker.io/library/x` and `localhost:5000/x` are hosts; `library/x` (a Docker Hub path) is not.
    if (/[.:]/.test(m[1]) || m[1] === 'localhost') host = m[1];
  }
  return host;
}

/**
 * The registry host of an image reference (`host[:port]/repo:tag`): its first part when that is a
 * host (a `.` or `:` in it, or `localhost`), else Docker Hub's `docker.io`.
 */
export function referenceHost(ref: string): string {
  const first = ref.trim().split('/')[0].toLowerCase();
  return ref.includes('/') && (/[.:]/.test(first) || first === 'localhost') ? first : 'docker.io';
}

/** The registry hosts a push goes to: its tags' hosts, each once. */
export function pushHosts(tags: readonly string[]): string[] {
  return [...new Set(tags.filter((t) => t.trim()).map(referenceHost))];
}

/** The stall in words, for the attempt's error and the finding. */
export function describeStall(s: Stall): string {
  const quiet = `no progress for ${Math.round(s.quietMs / 1000)} s${s.step ? ` while ${s.step} ran` : ''}`;
  if (s.registry) {
    return `the push stalled: ${quiet}; every node answers, so the registry${s.registry.host ? ` ${s.registry.host}` : ''} stopped answering`;
  }
  const nodes = s.nodes
    .map((n) => `node '${n.name}'${n.endpoint ? ` (${n.endpoint})` : ''}: ${n.reason}`)
    .join('; ');
  return `the build stalled: ${quiet}, and ${nodes}`;
}

/** How the retry loop classifies an attempt the watchdog stopped: both kinds are retryable. */
export function stallClassification(s: Stall): Classification {
  return s.registry
    ? classification('registry', describeStall(s), {
        pattern: 'stalled-registry',
        remedy: `check the registry${s.registry.host ? ` ${s.registry.host}` : ''}: it accepted the upload and stopped answering (overloaded, rate limiting by silence, or a proxy in between holding the connection); stall-timeout-seconds sets how long a silent push is tolerated`,
      })
    : classification('transport', describeStall(s), {
        pattern: 'stalled-build',
        remedy:
          'check the node named: a BuildKit that stops answering mid-build is usually overloaded, out of memory, or cut off from the runner',
      });
}
