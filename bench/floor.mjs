// The parsing floor of the analysis benchmark: read a file line by line and JSON.parse each JSON line.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export async function floorLoop(file) {
  const t0 = process.hrtime.bigint();
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line.startsWith('{')) {
      JSON.parse(line);
      n++;
    }
  }
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, n };
}
