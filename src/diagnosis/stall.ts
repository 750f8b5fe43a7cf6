// A stall of the build (the watchdog's verdict) and its wording: shared by the retry loop's
// classification and the stalled-build finding. Pure.

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
}

/** The stall in words, for the attempt's error and the finding. */
export function describeStall(s: Stall): string {
  const nodes = s.nodes
    .map((n) => `node '${n.name}'${n.endpoint ? ` (${n.endpoint})` : ''}: ${n.reason}`)
    .join('; ');
  return `the build stalled: no progress for ${Math.round(s.quietMs / 1000)} s${s.step ? ` while ${s.step} ran` : ''}, and ${nodes}`;
}
