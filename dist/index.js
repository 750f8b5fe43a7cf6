import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);
import {
  getState,
  jobLog
} from "./chunk-H7JXPKAL.js";
import "./chunk-X3UPJCSU.js";
import "./chunk-GGFBBGUM.js";

// src/index.ts
if (getState("isPost") === "true") {
  const { post } = await import("./chunk-B7U2SLKJ.js");
  await post();
} else {
  jobLog.saveState("isPost", "true");
  const { run } = await import("./chunk-ZS7YML6M.js");
  await run();
}
//# sourceMappingURL=index.js.map
