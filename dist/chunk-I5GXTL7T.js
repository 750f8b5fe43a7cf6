import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);
import {
  Buildx,
  STATE,
  removeBuilder
} from "./chunk-4OX4L4MG.js";
import {
  getState,
  jobLog
} from "./chunk-UZE7SRNH.js";
import "./chunk-X3UPJCSU.js";
import "./chunk-GGFBBGUM.js";

// src/post.ts
import { rmSync } from "node:fs";
async function post() {
  const builder = getState(STATE.builder);
  const tempDir = getState(STATE.tempDir);
  for (const dir of keptDirs()) rmSync(dir, { recursive: true, force: true });
  if (getState(STATE.cleanup) === "false") {
    jobLog.info(`cleanup is off: leaving builder '${builder}' and ${tempDir}`);
    return;
  }
  if (builder) {
    try {
      await removeBuilder(new Buildx(), builder);
      jobLog.info(`Removed builder '${builder}'.`);
    } catch (e) {
      jobLog.warning(`Cleanup: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
function keptDirs() {
  try {
    const dirs = JSON.parse(getState(STATE.keptDirs) || "[]");
    return Array.isArray(dirs) ? dirs.filter(
      (d) => typeof d === "string" && /\/buildx-guard-[a-z]+-[0-9a-f]{16}(-new)?$/.test(d)
    ) : [];
  } catch {
    return [];
  }
}
export {
  post
};
//# sourceMappingURL=chunk-I5GXTL7T.js.map
