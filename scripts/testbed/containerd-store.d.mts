export function startContainerdStoreDaemon(): Promise<{
  socket: string;
  dir: string;
  stop: () => Promise<void>;
}>;
