export function startContainerdStoreDaemon(startTimeoutMs?: number): Promise<{
  socket: string;
  dir: string;
  stop: () => Promise<void>;
}>;
