export interface Fault {
  mode: 'refuse' | 'blackhole' | 'late' | 'reset' | 'goaway' | 'silence';
  ms: number;
  every: boolean;
}
export function parseFault(spec: string | null | undefined): Fault | null;
export function goawayFrame(lastStreamId?: number): Buffer;
export class NodeBridge {
  constructor(opts: {
    socketPath: string;
    port?: number;
    fault?: string | null;
    log?: (line: string) => void;
  });
  readonly socketPath: string;
  port: number;
  readonly endpoint: string;
  stats: { connections: number; faultsFired: number };
  start(): Promise<this>;
  setFault(spec: string | Fault | null): void;
  close(): Promise<void>;
}
