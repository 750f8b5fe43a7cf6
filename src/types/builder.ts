// What buildx says about a builder and its nodes, as every stage sees it. Types only.

export interface NodeState {
  name: string;
  endpoint: string;
  /** buildx's word: running, inactive, starting, stopping, stopped, error … ('' when it said none). */
  status: string;
  /** The error buildx attached to the node (`Err` / `Error:`), if any. */
  error: string;
  buildkit: string;
  platforms: string[];
  /**
   * The platforms the user set on the node (`--platform`, the `nodes` input's `platforms`), which
   * buildx marks `linux/arm64*` and schedules first: absent when buildx did not say.
   */
  declared?: string[];
}

export interface BuilderState {
  name: string;
  driver: string;
  nodes: NodeState[];
  /** An error buildx attached to the builder itself (ls `Err`, an inspect `Error:` before `Nodes:`). */
  error?: string;
  /** Lines or fields this parser did not recognise, kept so they can be shown at debug level. */
  unknown: string[];
}

/** A node that is not running, as the strict bootstrap describes it. */
export interface FailedNode {
  name: string;
  endpoint: string;
  driver: string;
  status: string;
  reason: string;
  hint: string;
}
