import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);
import {
  getState,
  jobLog
} from "./chunk-WU2D2DYT.js";
import "./chunk-KQN36BZN.js";
import "./chunk-GGFBBGUM.js";

// src/index.ts
if (getState("isPost") === "true") {
  const { post } = await import("./chunk-TBE6H5NG.js");
  await post();
} else {
  jobLog.saveState("isPost", "true");
  const { run } = await import("./chunk-RNWGRVE6.js");
  await run();
}
//# sourceMappingURL=index.js.map
