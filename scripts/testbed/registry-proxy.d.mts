export interface RegistryFault {
  method?: string;
  path: RegExp | string;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  status?: number;
  retryAfter?: number;
  reset?: boolean;
  stall?: boolean;
}
export class RegistryProxy {
  constructor(opts: { target: string; faults?: RegistryFault[] });
  /** host:port of the proxy, once started. */
  address: string;
  /** Every request seen, `METHOD /path`. */
  log: string[];
  /** How many times each fault fired, in order. */
  readonly hits: number[];
  setFaults(faults: RegistryFault[]): void;
  start(): Promise<this>;
  close(): Promise<void>;
}
