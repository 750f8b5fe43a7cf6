// A TCP connect to a node's tcp:// endpoint, so a failed node's reason says "connection refused"
// or "no answer" instead of only buildx's "context deadline exceeded".
import net from 'node:net';

export async function probeTcp(endpoint: string, timeoutMs = 3000): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'tcp:' || !url.port) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(url.port) });
    const done = (result: string | undefined) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () =>
      done(`tcp ${host}:${url.port}: no answer within ${timeoutMs / 1000} s`),
    );
    socket.once('connect', () => done(undefined));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const what =
        e.code === 'ECONNREFUSED'
          ? 'connection refused'
          : e.code === 'ENOTFOUND'
            ? 'no such host'
            : e.message;
      done(`tcp ${host}:${url.port}: ${what}`);
    });
  });
}
