import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);
import {
  getState,
  jobLog
} from "./chunk-UZE7SRNH.js";
import "./chunk-X3UPJCSU.js";
import "./chunk-GGFBBGUM.js";

// src/index.ts
if (getState("isPost") === "true") {
  const { post } = await import("./chunk-I5GXTL7T.js");
  await post();
} else {
  jobLog.saveState("isPost", "true");
  const { run } = await import("./chunk-YFXBL42Y.js");
  await run();
}
//# sourceMappingURL=index.js.map
