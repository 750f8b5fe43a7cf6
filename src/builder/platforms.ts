// The platform preflight: every platform the build asks for must be served by at least one running
// node (its platforms include emulated ones when QEMU/binfmt is installed on it). Pure.
import { serves } from '../types/platform.js';
import type { NodeState } from './state.js';

export { serves };

/** The requested platforms no running node serves. */
export function missingPlatforms(requested: string[], nodes: NodeState[]): string[] {
  const offered = nodes.filter((n) => n.status === 'running').flatMap((n) => n.platforms);
  return requested.filter((r) => !offered.some((o) => serves(o, r)));
}

/**
 * Where emulation for a missing platform is installed, by driver: nodes of the docker and
 * docker-container drivers run on this runner's kernel; a remote node emulates with what its own
 * host has (QEMU on the runner does not reach it), and kubernetes pods with their cluster nodes'.
 */
function emulationRemedy(driver: string, it: string): string {
  if (driver === 'remote')
    return `Install QEMU/binfmt on the node's own host (a remote node emulates only what its host's kernel has registered; QEMU on the runner does not reach it) so it can emulate ${it}`;
  if (driver === 'kubernetes')
    return `Install QEMU/binfmt on the cluster's nodes (tonistiigi/binfmt) so the BuildKit pods can emulate ${it}`;
  return `Install QEMU on the runner (docker/setup-qemu-action) so the nodes can emulate ${it}`;
}

/** One paragraph: what is missing, what each node offers, and the remedies for the driver. */
export function missingPlatformsMessage(missing: string[], nodes: NodeState[], driver: string): string {
  const offers = nodes
    .map((n) => `'${n.name}' (${n.status}): ${n.platforms.slice(0, 8).join(', ') || 'none reported'}`)
    .join('; ');
  const it = missing.length === 1 ? 'it' : 'them';
  return `No running node serves ${missing.join(', ')} (input 'platforms'); the nodes offer ${offers}. ${emulationRemedy(driver, it)}, or add a native node for ${missing.length === 1 ? 'it' : 'each'} to 'nodes'.`;
}
