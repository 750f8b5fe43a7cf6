import { createRequire as __bxgCreateRequire } from 'node:module'; const require = __bxgCreateRequire(import.meta.url);
import {
  Buildx,
  STATE,
  UserError,
  atLeast,
  checkReadable,
  describeFsError,
  firstLine,
  isUserError,
  nodesDownOutput,
  nodesOutput,
  nodesTable,
  platformsOf,
  readBounded,
  readHead,
  stopEveryCommandOn
} from "./chunk-4OX4L4MG.js";
import {
  getInput,
  isDebug,
  jobLog,
  writeSummary
} from "./chunk-UZE7SRNH.js";
import "./chunk-X3UPJCSU.js";
import {
  __commonJS,
  __esm,
  __export,
  __require,
  __toCommonJS,
  __toESM
} from "./chunk-GGFBBGUM.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK3 = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK3;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK3)
              return BREAK3;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK3)
            return BREAK3;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK3)
            return BREAK3;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK3;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK3)
              return BREAK3;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK3)
            return BREAK3;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK3)
            return BREAK3;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor2) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor2)) {
        const sa = JSON.stringify(anchor2);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor2 = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor2);
          return anchor2;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor2 = anchors2 && source && anchors2.get(source);
        return anchor2 ? anchor2.count * anchor2.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode2(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode2;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode2 = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode2.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str4) => str4.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str4, indent, comment) => str4.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str4.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split2 = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split2 = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split2 = i;
          }
          if (i >= end) {
            if (split2) {
              folds.push(split2);
              end = split2 + endStep;
              split2 = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split2 = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold3 = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold3 === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold3])
            res += `${text2[fold3]}\\`;
          res += `
${indent}${text2.slice(fold3 + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str4) => /^(%|---|\.\.\.)/m.test(str4);
    function lineLengthOverLimit(str4, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str4.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str4[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str4 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str4 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str4 += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str4 += "\\0";
                    break;
                  case "0007":
                    str4 += "\\a";
                    break;
                  case "000b":
                    str4 += "\\v";
                    break;
                  case "001b":
                    str4 += "\\e";
                    break;
                  case "0085":
                    str4 += "\\N";
                    break;
                  case "00a0":
                    str4 += "\\_";
                    break;
                  case "2028":
                    str4 += "\\L";
                    break;
                  case "2029":
                    str4 += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str4 += "\\x" + code2.substr(2);
                    else
                      str4 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str4 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str4 += "\n";
                  i += 2;
                }
                str4 += indent;
                if (json[i + 2] === " ")
                  str4 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str4 = start ? str4 + json.slice(start) : json;
      return implicitKey ? str4 : foldFlowLines.foldFlowLines(str4, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str4 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str4);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str4 : foldFlowLines.foldFlowLines(str4, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor2 = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor2 && anchors.anchorIsValid(anchor2)) {
        anchors$1.add(anchor2);
        props.push(`&${anchor2}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str4 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str4;
      return identity.isScalar(node) || str4[0] === "{" || str4[0] === "[" ? `${props} ${str4}` : `${props}
${ctx.indent}${str4}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str4 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str4.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str4 === "" ? "?" : explicitKey ? `? ${str4}` : str4;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str4 = `? ${str4}`;
        if (keyComment && !keyCommentDone) {
          str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str4;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(keyComment));
        str4 = `? ${str4}
${indent}:`;
      } else {
        str4 = `${str4}:`;
        if (keyComment)
          str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str4.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str4 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str4 += stringifyComment.lineComment(str4, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str4;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge2 = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge2.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge2;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge2 = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge2.isMergeKey(ctx, key))
        merge2.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode2 = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode2.createNode(key, void 0, ctx);
      const v = createNode2.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str5 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str5 += stringifyComment.lineComment(str5, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str5);
      }
      let str4;
      if (lines.length === 0) {
        str4 = flowChars.start + flowChars.end;
      } else {
        str4 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str4 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str4 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str4;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str4 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str4.includes("\n"));
        if (i < items.length - 1) {
          str4 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str4.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str4 += ",";
          }
        }
        if (comment)
          str4 += stringifyComment.lineComment(str4, itemIndent, commentString(comment));
        lines.push(str4);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str4 = start;
          for (const line of lines)
            str4 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str4}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add2 = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add2(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add2(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode2 = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode2.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str4) => str4,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str4) => new Scalar.Scalar(str4[0] === "t" || str4[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num3 = typeof value === "number" ? value : Number(value);
      if (!isFinite(num3))
        return isNaN(num3) ? ".nan" : num3 < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str4) => str4.slice(-3).toLowerCase() === "nan" ? NaN : str4[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str4) => parseFloat(str4),
      stringify(node) {
        const num3 = Number(node.value);
        return isFinite(num3) ? num3.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str4) {
        const node = new Scalar.Scalar(parseFloat(str4));
        const dot = str4.indexOf(".");
        if (dot !== -1 && str4[str4.length - 1] === "0")
          node.minFractionDigits = str4.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str4, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str4) : parseInt(str4.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str4) => str4,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str4) => str4 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str4, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str4) : parseInt(str4, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str4) => parseFloat(str4),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str4, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str4)}`);
        return str4;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str4 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str4.length);
          for (let i = 0; i < str4.length; ++i)
            buffer[i] = str4.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str4;
        if (typeof node_buffer.Buffer === "function") {
          str4 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str4 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str4.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str4.substr(o, lineWidth);
          }
          str4 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str4 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str4) => str4.slice(-3).toLowerCase() === "nan" ? NaN : str4[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str4) => parseFloat(str4.replace(/_/g, "")),
      stringify(node) {
        const num3 = Number(node.value);
        return isFinite(num3) ? num3.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str4) {
        const node = new Scalar.Scalar(parseFloat(str4.replace(/_/g, "")));
        const dot = str4.indexOf(".");
        if (dot !== -1) {
          const f = str4.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str4, offset, radix, { intAsBigInt }) {
      const sign = str4[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str4 = str4.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str4 = `0b${str4}`;
            break;
          case 8:
            str4 = `0o${str4}`;
            break;
          case 16:
            str4 = `0x${str4}`;
            break;
        }
        const n2 = BigInt(str4);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str4, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str4 = value.toString(radix);
        return value < 0 ? "-" + prefix + str4.substr(1) : prefix + str4;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str4, _onError, opt) => intResolve(str4, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str4, asBigInt) {
      const sign = str4[0];
      const parts = sign === "-" || sign === "+" ? str4.substring(1) : str4;
      const num3 = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num3(60) + num3(p), num3(0));
      return sign === "-" ? num3(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num3 = (n) => n;
      if (typeof value === "bigint")
        num3 = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num3(-1);
      }
      const _60 = num3(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str4, _onError, { intAsBigInt }) => parseSexagesimal(str4, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str4) => parseSexagesimal(str4, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str4) {
        const match = str4.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge2.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge2.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge2.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge2.merge) ? schemaTags.concat(merge2.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge2.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge2);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode2 = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode2.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError2 = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError2;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor2 = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor2 || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor2)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor2 = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor2 || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor: anchor2,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor: anchor2, newlineAfterProp: nl } = props;
        const lastProp = anchor2 && tagToken ? anchor2.offset > tagToken.offset ? anchor2 : tagToken : anchor2 ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar2, onError) {
      const start = scalar2.offset;
      const header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar2.source ? splitLines(scalar2.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar2.source)
          end2 += scalar2.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar2.indent + header.indent;
      let offset = scalar2.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar2.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split2 = source.split(/\n( *)/);
      const first = split2[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split2.length; i += 2)
        lines.push([split2[i], split2[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar2, strict, onError) {
      const { offset, type, source, end } = scalar2;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold: fold3, offset } = foldNewline(source, i);
          res += fold3;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold3 = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold3 += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold3)
        fold3 = " ";
      return { fold: fold3, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar2;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar2 = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar2 = new Scalar.Scalar(value);
      }
      scalar2.range = range;
      scalar2.source = value;
      if (type)
        scalar2.type = type;
      if (tagName)
        scalar2.tag = tagName;
      if (tag.format)
        scalar2.format = tag.format;
      if (comment)
        scalar2.comment = comment;
      return scalar2;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor: anchor2, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor2 || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor2)
            node.anchor = anchor2.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor2)
              node.anchor = anchor2.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor2 && node.anchor === "")
        onError(anchor2, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor: anchor2, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor2) {
        node.anchor = anchor2.source.substring(1);
        if (node.anchor === "")
          onError(anchor2, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK3 = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK3;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK3)
              return BREAK3;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list2, type) {
      for (let i = 0; i < list2.length; ++i)
        if (list2[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list2) {
      for (let i = 0; i < list2.length; ++i) {
        switch (list2[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar2) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar2.end) {
            sep2 = scalar2.end;
            sep2.push(this.sourceToken);
            delete scalar2.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar2.offset,
            indent: scalar2.indent,
            items: [{ start, key: scalar2, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar2);
      }
      *blockScalar(scalar2) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar2.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar2.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Argument = void 0;
    var Argument = class {
      constructor(value, range) {
        this.value = value;
        this.range = range;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        if (this.range.end.line < position.line) {
          return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
      }
      isBefore(position) {
        if (this.range.start.line < position.line) {
          return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
      }
    };
    exports.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONArgument = void 0;
    var argument_1 = require_argument();
    var JSONArgument = class extends argument_1.Argument {
      constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
      }
    };
    exports.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is;
var init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    (function(DocumentUri2) {
      function is(value) {
        return typeof value === "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value === "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648;
      integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0;
      uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        if (line === Number.MAX_VALUE) {
          line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
          character = uinteger.MAX_VALUE;
        }
        return { line, character };
      }
      Position2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range2) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
          return { start: Position.create(one, two), end: Position.create(three, four) };
        } else if (Position.is(one) && Position.is(two)) {
          return { start: one, end: two };
        } else {
          throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
      }
      Range2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range2.is = is;
    })(Range || (Range = {}));
    (function(Location2) {
      function create(uri, range) {
        return { uri, range };
      }
      Location2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range.is(candidate.targetSelectionRange) && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range, color) {
        return {
          range,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label, textEdit, additionalTextEdits) {
        return {
          label,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment";
      FoldingRangeKind2.Imports = "imports";
      FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
          startLine,
          endLine
        };
        if (Is.defined(startCharacter)) {
          result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
          result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
          result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
          result.collapsedText = collapsedText;
        }
        return result;
      }
      FoldingRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1;
      DiagnosticSeverity2.Warning = 2;
      DiagnosticSeverity2.Information = 3;
      DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1;
      DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range, message, severity, code2, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
          result.severity = severity;
        }
        if (Is.defined(code2)) {
          result.code = code2;
        }
        if (Is.defined(source)) {
          result.source = source;
        }
        if (Is.defined(relatedInformation)) {
          result.relatedInformation = relatedInformation;
        }
        return result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
          return diagnostic.message;
        } else if (MarkupContent.is(diagnostic.message)) {
          return diagnostic.message.value;
        } else {
          throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command, ...args) {
        const result = { title, command };
        if (Is.defined(args) && args.length > 0) {
          result.arguments = args;
        }
        return result;
      }
      Command2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range, newText) {
        return { range, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range) {
        return { range, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label, needsConfirmation, description) {
        const result = { label };
        if (needsConfirmation !== void 0) {
          result.needsConfirmation = needsConfirmation;
        }
        if (description !== void 0) {
          result.description = description;
        }
        return result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        const candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range, newText, annotation) {
        return { range, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range, annotation) {
        return { range, newText: "", annotationId: annotation };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits) {
        return { textDocument, edits };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "create",
          uri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      CreateFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation) {
        const result = {
          kind: "rename",
          oldUri,
          newUri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      RenameFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "delete",
          uri
        };
        if (options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      DeleteFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change) => {
          if (Is.string(change.kind)) {
            return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
          } else {
            return TextDocumentEdit.is(change);
          }
        }));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits, changeAnnotations) {
        this.edits = edits;
        this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.insert(position, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.insert(position, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.insert(position, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      replace(range, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.replace(range, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.replace(range, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.replace(range, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      delete(range, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.del(range);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.del(range, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.del(range, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0) {
          throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations) {
        this._annotations = annotations === void 0 ? /* @__PURE__ */ Object.create(null) : annotations;
        this._counter = 0;
        this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation) {
        let id;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
          id = idOrAnnotation;
        } else {
          id = this.nextId();
          annotation = idOrAnnotation;
        }
        if (this._annotations[id] !== void 0) {
          throw new Error(`Id ${id} is already in use.`);
        }
        if (annotation === void 0) {
          throw new Error(`No annotation provided for id ${id}`);
        }
        this._annotations[id] = annotation;
        this._size++;
        return id;
      }
      nextId() {
        this._counter++;
        return this._counter.toString();
      }
    };
    WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null);
        if (workspaceEdit !== void 0) {
          this._workspaceEdit = workspaceEdit;
          if (workspaceEdit.documentChanges) {
            this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
            workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            workspaceEdit.documentChanges.forEach((change) => {
              if (TextDocumentEdit.is(change)) {
                const textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
                this._textEditChanges[change.textDocument.uri] = textEditChange;
              }
            });
          } else if (workspaceEdit.changes) {
            Object.keys(workspaceEdit.changes).forEach((key) => {
              const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
              this._textEditChanges[key] = textEditChange;
            });
          }
        } else {
          this._workspaceEdit = {};
        }
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== void 0) {
          if (this._changeAnnotations.size === 0) {
            this._workspaceEdit.changeAnnotations = void 0;
          } else {
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
          }
        }
        return this._workspaceEdit;
      }
      getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
          this.initDocumentChanges();
          if (this._workspaceEdit.documentChanges === void 0) {
            throw new Error("Workspace edit is not configured for document changes.");
          }
          const textDocument = { uri: key.uri, version: key.version };
          let result = this._textEditChanges[textDocument.uri];
          if (!result) {
            const edits = [];
            const textDocumentEdit = {
              textDocument,
              edits
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit);
            result = new TextEditChangeImpl(edits, this._changeAnnotations);
            this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          this.initChanges();
          if (this._workspaceEdit.changes === void 0) {
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          }
          let result = this._textEditChanges[key];
          if (!result) {
            const edits = [];
            this._workspaceEdit.changes[key] = edits;
            result = new TextEditChangeImpl(edits);
            this._textEditChanges[key] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._changeAnnotations = new ChangeAnnotations();
          this._workspaceEdit.documentChanges = [];
          this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
      }
      initChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null);
        }
      }
      createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = CreateFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = CreateFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = RenameFile.create(oldUri, newUri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = RenameFile.create(oldUri, newUri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = DeleteFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = DeleteFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap";
      LanguageKind2.WindowsBat = "bat";
      LanguageKind2.BibTeX = "bibtex";
      LanguageKind2.Clojure = "clojure";
      LanguageKind2.Coffeescript = "coffeescript";
      LanguageKind2.C = "c";
      LanguageKind2.CPP = "cpp";
      LanguageKind2.CSharp = "csharp";
      LanguageKind2.CSS = "css";
      LanguageKind2.D = "d";
      LanguageKind2.Delphi = "pascal";
      LanguageKind2.Diff = "diff";
      LanguageKind2.Dart = "dart";
      LanguageKind2.Dockerfile = "dockerfile";
      LanguageKind2.Elixir = "elixir";
      LanguageKind2.Erlang = "erlang";
      LanguageKind2.FSharp = "fsharp";
      LanguageKind2.GitCommit = "git-commit";
      LanguageKind2.GitRebase = "git-rebase";
      LanguageKind2.Go = "go";
      LanguageKind2.Groovy = "groovy";
      LanguageKind2.Handlebars = "handlebars";
      LanguageKind2.Haskell = "haskell";
      LanguageKind2.HTML = "html";
      LanguageKind2.Ini = "ini";
      LanguageKind2.Java = "java";
      LanguageKind2.JavaScript = "javascript";
      LanguageKind2.JavaScriptReact = "javascriptreact";
      LanguageKind2.JSON = "json";
      LanguageKind2.LaTeX = "latex";
      LanguageKind2.Less = "less";
      LanguageKind2.Lua = "lua";
      LanguageKind2.Makefile = "makefile";
      LanguageKind2.Markdown = "markdown";
      LanguageKind2.ObjectiveC = "objective-c";
      LanguageKind2.ObjectiveCPP = "objective-cpp";
      LanguageKind2.Pascal = "pascal";
      LanguageKind2.Perl = "perl";
      LanguageKind2.Perl6 = "perl6";
      LanguageKind2.PHP = "php";
      LanguageKind2.Plaintext = "plaintext";
      LanguageKind2.Powershell = "powershell";
      LanguageKind2.Pug = "jade";
      LanguageKind2.Python = "python";
      LanguageKind2.R = "r";
      LanguageKind2.Razor = "razor";
      LanguageKind2.Ruby = "ruby";
      LanguageKind2.Rust = "rust";
      LanguageKind2.SCSS = "scss";
      LanguageKind2.SASS = "sass";
      LanguageKind2.Scala = "scala";
      LanguageKind2.ShaderLab = "shaderlab";
      LanguageKind2.ShellScript = "shellscript";
      LanguageKind2.SQL = "sql";
      LanguageKind2.Swift = "swift";
      LanguageKind2.TypeScript = "typescript";
      LanguageKind2.TypeScriptReact = "typescriptreact";
      LanguageKind2.TeX = "tex";
      LanguageKind2.VisualBasic = "vb";
      LanguageKind2.XML = "xml";
      LanguageKind2.XSL = "xsl";
      LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text2) {
        return { uri, languageId, version, text: text2 };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext";
      MarkupKind2.Markdown = "markdown";
      function is(value) {
        const candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1;
      CompletionItemKind2.Method = 2;
      CompletionItemKind2.Function = 3;
      CompletionItemKind2.Constructor = 4;
      CompletionItemKind2.Field = 5;
      CompletionItemKind2.Variable = 6;
      CompletionItemKind2.Class = 7;
      CompletionItemKind2.Interface = 8;
      CompletionItemKind2.Module = 9;
      CompletionItemKind2.Property = 10;
      CompletionItemKind2.Unit = 11;
      CompletionItemKind2.Value = 12;
      CompletionItemKind2.Enum = 13;
      CompletionItemKind2.Keyword = 14;
      CompletionItemKind2.Snippet = 15;
      CompletionItemKind2.Color = 16;
      CompletionItemKind2.File = 17;
      CompletionItemKind2.Reference = 18;
      CompletionItemKind2.Folder = 19;
      CompletionItemKind2.EnumMember = 20;
      CompletionItemKind2.Constant = 21;
      CompletionItemKind2.Struct = 22;
      CompletionItemKind2.Event = 23;
      CompletionItemKind2.Operator = 24;
      CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1;
      InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1;
      InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1;
      ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label) {
        return { label };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText2) {
        return plainText2.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        const candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label, documentation, ...parameters) {
        const result = { label };
        if (Is.defined(documentation)) {
          result.documentation = documentation;
        }
        if (Is.defined(parameters)) {
          result.parameters = parameters;
        } else {
          result.parameters = [];
        }
        return result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1;
      DocumentHighlightKind2.Read = 2;
      DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
          result.kind = kind;
        }
        return result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1;
      SymbolKind2.Module = 2;
      SymbolKind2.Namespace = 3;
      SymbolKind2.Package = 4;
      SymbolKind2.Class = 5;
      SymbolKind2.Method = 6;
      SymbolKind2.Property = 7;
      SymbolKind2.Field = 8;
      SymbolKind2.Constructor = 9;
      SymbolKind2.Enum = 10;
      SymbolKind2.Interface = 11;
      SymbolKind2.Function = 12;
      SymbolKind2.Variable = 13;
      SymbolKind2.Constant = 14;
      SymbolKind2.String = 15;
      SymbolKind2.Number = 16;
      SymbolKind2.Boolean = 17;
      SymbolKind2.Array = 18;
      SymbolKind2.Object = 19;
      SymbolKind2.Key = 20;
      SymbolKind2.Null = 21;
      SymbolKind2.EnumMember = 22;
      SymbolKind2.Struct = 23;
      SymbolKind2.Event = 24;
      SymbolKind2.Operator = 25;
      SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name, kind, range, uri, containerName) {
        const result = {
          name,
          kind,
          location: { uri, range }
        };
        if (containerName) {
          result.containerName = containerName;
        }
        return result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name, kind, uri, range) {
        return range !== void 0 ? { name, kind, location: { uri, range } } : { name, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name, detail, kind, range, selectionRange, children) {
        const result = {
          name,
          detail,
          kind,
          range,
          selectionRange
        };
        if (children !== void 0) {
          result.children = children;
        }
        return result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range.is(candidate.range) && Range.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "";
      CodeActionKind2.QuickFix = "quickfix";
      CodeActionKind2.Refactor = "refactor";
      CodeActionKind2.RefactorExtract = "refactor.extract";
      CodeActionKind2.RefactorInline = "refactor.inline";
      CodeActionKind2.RefactorMove = "refactor.move";
      CodeActionKind2.RefactorRewrite = "refactor.rewrite";
      CodeActionKind2.Source = "source";
      CodeActionKind2.SourceOrganizeImports = "source.organizeImports";
      CodeActionKind2.SourceFixAll = "source.fixAll";
      CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1;
      CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== void 0 && only !== null) {
          result.only = only;
        }
        if (triggerKind !== void 0 && triggerKind !== null) {
          result.triggerKind = triggerKind;
        }
        return result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === "string") {
          checkKind = false;
          result.kind = kindOrCommandOrEdit;
        } else if (Command.is(kindOrCommandOrEdit)) {
          result.command = kindOrCommandOrEdit;
        } else {
          result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      CodeAction2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
          result.data = data;
        }
        return result;
      }
      CodeLens2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range, target, data) {
        return { range, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range, parent) {
        return { range, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2["namespace"] = "namespace";
      SemanticTokenTypes2["type"] = "type";
      SemanticTokenTypes2["class"] = "class";
      SemanticTokenTypes2["enum"] = "enum";
      SemanticTokenTypes2["interface"] = "interface";
      SemanticTokenTypes2["struct"] = "struct";
      SemanticTokenTypes2["typeParameter"] = "typeParameter";
      SemanticTokenTypes2["parameter"] = "parameter";
      SemanticTokenTypes2["variable"] = "variable";
      SemanticTokenTypes2["property"] = "property";
      SemanticTokenTypes2["enumMember"] = "enumMember";
      SemanticTokenTypes2["event"] = "event";
      SemanticTokenTypes2["function"] = "function";
      SemanticTokenTypes2["method"] = "method";
      SemanticTokenTypes2["macro"] = "macro";
      SemanticTokenTypes2["keyword"] = "keyword";
      SemanticTokenTypes2["modifier"] = "modifier";
      SemanticTokenTypes2["comment"] = "comment";
      SemanticTokenTypes2["string"] = "string";
      SemanticTokenTypes2["number"] = "number";
      SemanticTokenTypes2["regexp"] = "regexp";
      SemanticTokenTypes2["operator"] = "operator";
      SemanticTokenTypes2["decorator"] = "decorator";
      SemanticTokenTypes2["label"] = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2["declaration"] = "declaration";
      SemanticTokenModifiers2["definition"] = "definition";
      SemanticTokenModifiers2["readonly"] = "readonly";
      SemanticTokenModifiers2["static"] = "static";
      SemanticTokenModifiers2["deprecated"] = "deprecated";
      SemanticTokenModifiers2["abstract"] = "abstract";
      SemanticTokenModifiers2["async"] = "async";
      SemanticTokenModifiers2["modification"] = "modification";
      SemanticTokenModifiers2["documentation"] = "documentation";
      SemanticTokenModifiers2["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId === "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range, text2) {
        return { range, text: text2 };
      }
      InlineValueText2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range, expression) {
        return { range, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1;
      InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label, kind) {
        const result = { position, label };
        if (kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      InlayHint2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range, command) {
        return { insertText, filterText, range, command };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1;
      InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range, text2) {
        return { range, text: text2 };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = ["\n", "\r\n", "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
      }
      TextDocument3.is = is;
      function applyEdits(document, edits) {
        let text2 = document.getText();
        const sortedEdits = mergeSort2(edits, (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = text2.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          const e = sortedEdits[i];
          const startOffset = document.offsetAt(e.range.start);
          const endOffset = document.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset) {
            text2 = text2.substring(0, startOffset) + e.newText + text2.substring(endOffset, text2.length);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = startOffset;
        }
        return text2;
      }
      TextDocument3.applyEdits = applyEdits;
      function mergeSort2(data, compare2) {
        if (data.length <= 1) {
          return data;
        }
        const p = data.length / 2 | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort2(left, compare2);
        mergeSort2(right, compare2);
        let leftIdx = 0;
        let rightIdx = 0;
        let i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
          const ret = compare2(left[leftIdx], right[rightIdx]);
          if (ret <= 0) {
            data[i++] = left[leftIdx++];
          } else {
            data[i++] = right[rightIdx++];
          }
        }
        while (leftIdx < left.length) {
          data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
          data[i++] = right[rightIdx++];
        }
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          const lineOffsets = [];
          const text2 = this._content;
          let isLineStart = true;
          for (let i = 0; i < text2.length; i++) {
            if (isLineStart) {
              lineOffsets.push(i);
              isLineStart = false;
            }
            const ch = text2.charAt(i);
            isLineStart = ch === "\r" || ch === "\n";
            if (ch === "\r" && i + 1 < text2.length && text2.charAt(i + 1) === "\n") {
              i++;
            }
          }
          if (isLineStart && text2.length > 0) {
            lineOffsets.push(text2.length);
          }
          this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return Position.create(0, offset);
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      const toString = Object.prototype.toString;
      function defined(value) {
        return typeof value !== "undefined";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value === "undefined";
      }
      Is2.undefined = undefined2;
      function boolean(value) {
        return value === true || value === false;
      }
      Is2.boolean = boolean;
      function string(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string;
      function number(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func;
      function objectLiteral(value) {
        return value !== null && typeof value === "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Line = void 0;
    var Line = class {
      constructor(document, range) {
        this.document = document;
        this.range = range;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === "\n";
      }
      static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case escapeChar:
              escapeCheck: for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i = j + 1;
                    continue whitespaceCheck;
                  case "\n":
                    i = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              }
              return -1;
            default:
              return i;
          }
        }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
          return range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character;
        } else if (range.start.line === position.line) {
          return range.start.character <= position.character;
        } else if (range.end.line === position.line) {
          return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
      }
      static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === "-") {
          value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"') {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'") {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
          return null;
        }
        return value;
      }
    };
    exports.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var line_1 = require_line();
    var util_1 = require_util();
    var Comment = class extends line_1.Line {
      constructor(document, range) {
        super(document, range);
      }
      toString() {
        const content = this.getContent();
        if (content) {
          return "# " + content;
        }
        return "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range = this.getContentRange();
        if (range === null) {
          return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        for (let i = 1; i < raw.length; i++) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            start = i;
            break;
          }
        }
        if (start === -1) {
          return null;
        }
        for (let i = raw.length - 1; i >= 1; i--) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            end = i + 1;
            break;
          }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
      }
    };
    exports.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare2) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare2);
  mergeSort(right, compare2);
  let leftIdx = 0;
  let rightIdx = 0;
  let i = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare2(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i++] = left[leftIdx++];
    } else {
      data[i++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text2, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text2.length; i++) {
    const ch = text2.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text2.length && text2.charCodeAt(i + 1) === 10) {
        i++;
      }
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start = range.start;
  const end = range.end;
  if (start.line > end.line || start.line === end.line && start.character > end.character) {
    return { start: end, end: start };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}
var FullTextDocument2, TextDocument2;
var init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(changes, version) {
        for (const change of changes) {
          if (_FullTextDocument.isIncremental(change)) {
            const range = getWellformedRange(change.range);
            const startOffset = this.offsetAt(range.start);
            const endOffset = this.offsetAt(range.end);
            this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
            const insertedEndOffset = startOffset + change.text.length;
            const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
            const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            const startLine = Math.max(range.start.line, 0);
            const endLine = Math.max(range.end.line, 0);
            let lineOffsets = this._lineOffsets;
            const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
            if (endLine - startLine === addedLineOffsets.length) {
              for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
                lineOffsets[i + startLine + 1] = addedLineOffsets[i];
              }
            } else {
              if (addedLineOffsets.length < 1e4) {
                lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
              } else {
                this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
              }
            }
            const diff = change.text.length - (endOffset - startOffset);
            if (diff !== 0) {
              for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                lineOffsets[i] = lineOffsets[i] + diff;
              }
            }
          } else if (_FullTextDocument.isFull(change)) {
            this._content = change.text;
            this._lineOffsets = void 0;
          } else {
            throw new Error("Unknown change event received");
          }
        }
        this._version = version;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return { line: 0, character: offset };
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
        return { line, character: offset - lineOffsets[line] };
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        if (position.character <= 0) {
          return lineOffset;
        }
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          const lastLine2 = lineOffsets.length - 1;
          return { start: { line: lastLine2, character: 0 }, end: { line: lastLine2, character: this._content.length - lineOffsets[lastLine2] } };
        } else if (line < 0) {
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets[line];
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          return "";
        } else if (line < 0) {
          return "";
        }
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
          offset--;
        }
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
      }
      static isFull(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument2(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function update(document, changes, version) {
        if (document instanceof FullTextDocument2) {
          document.update(changes, version);
          return document;
        } else {
          throw new Error("TextDocument.update: document must be created by TextDocument.create");
        }
      }
      TextDocument3.update = update;
      function applyEdits(document, edits) {
        const text2 = document.getText();
        const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
          const startOffset = document.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset) {
            throw new Error("Overlapping edit");
          } else if (startOffset > lastModifiedOffset) {
            spans.push(text2.substring(lastModifiedOffset, startOffset));
          }
          if (e.newText.length) {
            spans.push(e.newText);
          }
          lastModifiedOffset = document.offsetAt(e.range.end);
        }
        spans.push(text2.substr(lastModifiedOffset));
        return spans.join("");
      }
      TextDocument3.applyEdits = applyEdits;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ParserDirective = void 0;
    var main_1 = require_main();
    var line_1 = require_line();
    var ParserDirective = class extends line_1.Line {
      constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Variable = void 0;
    var Variable = class {
      constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === true;
      }
      isEnvironmentVariable() {
        return this.buildVariable === false;
      }
    };
    exports.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var line_1 = require_line();
    var argument_1 = require_argument();
    var heredoc_1 = require_heredoc();
    var variable_1 = require_variable();
    var main_1 = require_main();
    var Instruction = class extends line_1.Line {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
          value += " ";
          value += arg.getValue();
        }
        return value;
      }
      getRangeContent(range) {
        if (range === null) {
          return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
          return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    if (startPosition !== null) {
                      ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                startPosition = null;
              }
              start = true;
              comment = false;
              i += 2;
            } else if (next === "\n") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
              }
              startPosition = null;
              start = true;
              comment = false;
              i++;
            } else {
              i++;
            }
          } else if (util_1.Util.isNewline(char)) {
            if (comment) {
              startPosition = null;
              start = true;
              comment = false;
            }
          } else {
            if (!comment) {
              if (startPosition === null) {
                if (char === "#") {
                  comment = true;
                  continue;
                }
                let position = this.document.positionAt(offset + i);
                if (position.character !== 0) {
                  startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                }
              }
              end = i;
            }
          }
        }
        if (startPosition === null) {
          ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        } else {
          ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
      }
      getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
      }
      getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
          content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        let escapedWhitespaceDetected = false;
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (util_1.Util.isWhitespace(char)) {
            if (escaping) {
              escapedWhitespaceDetected = true;
              if (util_1.Util.isNewline(char)) {
                escapedWhitespaceDetected = false;
                if (comment) {
                  comment = false;
                  start = true;
                }
              }
              continue;
            } else if (found !== -1) {
              if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
              } else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
              }
              escapeMarker = -1;
              escapedArg = "";
              found = -1;
            }
          } else if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                let newlineCheck = fullArgs.charAt(j);
                switch (newlineCheck) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1) {
                      escapeMarker = i;
                    }
                    i = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i;
                    if (found === -1) {
                      i = j - 1;
                    }
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i += 2;
            } else if (next === "\n") {
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i++;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapeMarker = -1;
              escapedWhitespaceDetected = false;
              escaping = false;
              if (next === "$") {
                escapedArg = escapedArg + char + next;
              } else if (next === "") {
                break;
              } else {
                escapedArg = escapedArg + next;
              }
              if (found === -1) {
                found = i;
              }
              i++;
            }
          } else if (!comment) {
            if (start && char === "#") {
              comment = true;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapedWhitespaceDetected = false;
              escaping = false;
              escapeMarker = -1;
              escapedArg = escapedArg + char;
              if (found === -1) {
                found = i;
              }
            }
            start = false;
          }
        }
        if (found !== -1) {
          if (escapeMarker === -1) {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
          } else {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
          }
        }
        return args;
      }
      getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
          const argRange = args[i].getRange();
          let offset = this.document.offsetAt(argRange.start);
          const variables = this.parseVariables(offset, args[i].getValue());
          const swaps = [];
          let requiresExpansion = false;
          for (let variable of variables) {
            const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value);
            requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              const variableRange = variables[j].getRange();
              const start = this.document.offsetAt(variableRange.start);
              const end = this.document.offsetAt(variableRange.end);
              if (swaps[j]) {
                expanded += this.document.getText().substring(offset, start);
                expanded += swaps[j];
                offset = end;
              } else {
                expanded += this.document.getText().substring(offset, end);
                offset = end;
              }
            }
            const argEnd = this.document.offsetAt(argRange.end);
            if (argEnd !== offset) {
              expanded += this.document.getText().substring(offset, argEnd);
            }
            args[i] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args;
      }
      getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
          let range = arg.getRange();
          let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
          const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (const parsedVariable of parsedVariables) {
            variables.push(parsedVariable);
          }
        }
        return variables;
      }
      parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
          switch (arg.charAt(i)) {
            case this.escapeChar:
              if (arg.charAt(i + 1) === "$") {
                i++;
              }
              break;
            case "$":
              if (arg.charAt(i + 1) === "{") {
                let escapedString = "${";
                let escapedName = "";
                let nameEnd = -1;
                let escapedSubstitutionParameter = "";
                let substitutionStart = -1;
                let substitutionEnd = -1;
                let modifierRead = -1;
                nameLoop: for (let j = i + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null;
                      let modifierRange = null;
                      let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                      let substitutionRange = null;
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (nameEnd + 1 === j) {
                        modifier = "";
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                      } else {
                        if (substitutionStart === -1) {
                          substitutionStart = modifierRead + 1;
                          substitutionEnd = modifierRead + 1;
                        } else {
                          substitutionEnd = substitutionEnd + 1;
                        }
                        modifier = arg.substring(modifierRead, modifierRead + 1);
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                      }
                      let start = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), escapedString));
                      i = j;
                      continue variableLoop;
                    case ":":
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += ":";
                      } else {
                        modifierRead = j;
                      }
                      escapedString += ":";
                      break;
                    case "\n":
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      if (nameEnd === -1) {
                        escapedName += char;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += char;
                      } else {
                        modifierRead = j;
                      }
                      escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                continue;
              } else {
                let escapedName = "";
                nameLoop: for (let j = i + 1; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case "\r":
                    case "\n":
                    case " ":
                    case "	":
                      continue;
                    case "$":
                    case "'":
                    case '"':
                      let varStart = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                      i = j - 1;
                      continue variableLoop;
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      let start2 = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
                      break variableLoop;
                  }
                  if (char.match(/^[a-z0-9_]+$/i) === null) {
                    let varStart = this.document.positionAt(offset + i);
                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                    i = j - 1;
                    continue variableLoop;
                  }
                  escapedName += char;
                }
                let start = this.document.positionAt(offset + i);
                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), "$" + escapedName));
              }
              break variableLoop;
          }
        }
        return variables;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (const initialArg of this.dockerfile.getInitialARGs()) {
            const arg = initialArg;
            const property = arg.getProperty();
            if (property && variable === property.getName()) {
              return true;
            }
          }
          return void 0;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return false;
              }
            }
          }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return true;
            }
          }
        }
        return void 0;
      }
      createSingleLineHeredocs(args) {
        const heredocs = [];
        for (const arg of args) {
          const value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i = j + 1;
                    continue nameLoop;
                  case "\n":
                    i = j;
                    continue nameLoop;
                  default:
                    name += content.charAt(j);
                    i = j;
                    continue nameLoop;
                }
              }
              break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue nameLoop;
                  }
                }
              }
            case " ":
            case "	":
            case "\r":
            case "\n":
              if (escaping) {
                break;
              }
            default:
              name += ch;
              break;
          }
        }
        return name;
      }
      getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
          const ch = content.charAt(i);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch) {
                break contentLoop;
              }
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case "\n":
                    escaping = true;
                    j = i;
                    continue contentLoop;
                }
              }
              break;
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "<":
              if (endFound) {
                searchHyphen = true;
              } else {
                endFound = true;
              }
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = false;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (start === -1) {
                start = i;
              }
              if (quote !== null) {
                end = i + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start === -1) {
          return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
          return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
          switch (content.charAt(i)) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case "\n":
                    i = j;
                    continue contentLoop;
                  default:
                    i = j;
                    continue contentLoop;
                }
              }
              break;
            case "\r":
              break;
            case "\n":
              if (escaping) {
                break;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                contentEnd = i;
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                if (delimiterRange !== null) {
                  const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                  contentStart = -1;
                  currentHeredoc++;
                }
                lineStart = -1;
              } else {
                const offsetLimit = startOffset + i;
                for (const arg of args) {
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                    if (arg.getValue().startsWith("<<")) {
                      heredocDefinitions.push(arg);
                    }
                  } else {
                    break;
                  }
                }
                heredocsProcessed = true;
                lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping) {
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (escaping) {
                escaping = false;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                if (lineStart === -1) {
                  lineStart = i;
                }
              }
              break;
          }
        }
        if (heredocsProcessed) {
          const arg = heredocDefinitions[currentHeredoc];
          const startRange = arg.getRange();
          const nameRange = this.getNameRange(startRange);
          const name = this.getName(nameRange);
          let contentRange = null;
          const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
          if (delimiterRange === null) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
          } else if (contentEnd !== -1) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
          }
          heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
          currentHeredoc++;
          for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
            const arg2 = heredocDefinitions[currentHeredoc];
            const startRange2 = arg2.getRange();
            const nameRange2 = this.getNameRange(startRange2);
            const name2 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name2, nameRange2, null, null));
            currentHeredoc++;
          }
        } else {
          return this.createSingleLineHeredocs(args);
        }
        return heredocs;
      }
      getDelimiterRange(startArg, name, candidateRange) {
        const text2 = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          while (text2.charAt(index) === "	") {
            index++;
          }
          if (text2.substring(index) === name) {
            return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
          }
          return null;
        }
        return text2 === name ? candidateRange : null;
      }
    };
    exports.Instruction = Instruction;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FlagOption = void 0;
    var FlagOption = class {
      constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
      }
      toString() {
        if (this.valueRange !== null) {
          return this.name + "=" + this.value;
        }
        return this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flagOption_1 = require_flagOption();
    var Flag = class {
      constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
          let offset = document.offsetAt(valueRange.start);
          let nameStart = -1;
          let valueStart = -1;
          let hasOptions = false;
          for (let i = 0; i < value.length; i++) {
            switch (value.charAt(i)) {
              case "=":
                hasOptions = true;
                if (valueStart === -1) {
                  valueStart = i + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                nameStart = -1;
                valueStart = -1;
                break;
              default:
                if (nameStart === -1) {
                  nameStart = i;
                }
                break;
            }
          }
          if (hasOptions && nameStart !== -1) {
            this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
          }
        }
      }
      createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
          return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        if (this.valueRange) {
          return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name) {
        for (const option of this.options) {
          if (option.getName() === name) {
            return option;
          }
        }
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flag_1 = require_flag();
    var instruction_1 = require_instruction();
    var ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value)) {
              return this.flags;
            } else if (value.indexOf("--") === 0) {
              let range = arg.getRange();
              let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
              let nameIndex = value.indexOf("=");
              let index = rawValue.indexOf("=");
              let firstMatch = false;
              let secondMatch = false;
              let startIndex = -1;
              nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                switch (rawValue.charAt(i)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i;
                      break nameSearchLoop;
                    } else if (firstMatch) {
                      secondMatch = true;
                    } else {
                      firstMatch = true;
                    }
                    break;
                  default:
                    startIndex = i;
                    break nameSearchLoop;
                }
              }
              let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
              if (index === -1) {
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
              } else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
          return args;
        }
        for (let i = 0; i < flags.length; i++) {
          args.shift();
        }
        return args;
      }
    };
    exports.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var argument_1 = require_argument();
    var jsonArgument_1 = require_jsonArgument();
    var modifiableInstruction_1 = require_modifiableInstruction();
    var JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
          return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
          let argRange = args[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
          this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args.length === 2 && args[0].getValue() === "[" && args[1].getValue() === "]") {
          this.openingBracket = args[0];
          this.closingBracket = args[1];
          return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
          let char = argsContent.charAt(i);
          switch (char) {
            case "[":
              if (last === "") {
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                last = "[";
              } else if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                break argsCheck;
              }
              break;
            case '"':
              if (last === "[" || last === ",") {
                start = i;
                quoted = true;
                last = '"';
                escapedArg = escapedArg + char;
                continue;
              } else if (last === '"') {
                if (quoted) {
                  escapedArg = escapedArg + char;
                  quoted = false;
                  this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                  escapedArg = "";
                } else {
                  break argsCheck;
                }
              } else {
                break argsCheck;
              }
              break;
            case ",":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                if (last === '"') {
                  last = ",";
                } else {
                  break argsCheck;
                }
              }
              break;
            case "]":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted) {
                switch (argsContent.charAt(i + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i + 1);
                    i++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case "\n":
                          i = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    }
                    break;
                  case "\r":
                    i++;
                  default:
                    i++;
                    continue;
                }
              } else {
                escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
                }
              }
              break argsCheck;
            default:
              if (!quoted) {
                break argsCheck;
              }
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return true;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var Property = class _Property {
      constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = _Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = _Property.getValue(value, escapeChar);
        if (arg2) {
          this.valueRange = arg2.getRange();
          value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
          this.value = _Property.getValue(value, escapeChar);
          this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        } else {
          let argRange = arg.getRange();
          if (this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character) {
          } else {
            this.valueRange = _Property.getValueRange(document, arg);
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = _Property.getValue(value, escapeChar);
            this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
            this.assignmentOperator = "=";
          }
          this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null) {
          return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case this.escapeChar:
              for (let j = i + 1; j < value.length; j++) {
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case "\n":
                    escaped = true;
                    i = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              }
              rawValue = rawValue + char;
              break;
            case "\r":
            case "\n":
              break;
            case " ":
            case "	":
              if (!escaped) {
                rawValue = rawValue + char;
              }
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue rawLoop;
                  }
                }
              } else {
                rawValue = rawValue + char;
              }
              break;
            default:
              rawValue = rawValue + char;
              escaped = false;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0);
          let before = value.charAt(index - 1);
          if (initial === '"' && before === '"' || initial === "'" && before === "'" || initial !== '"' && initial !== "'") {
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
          }
        }
        return arg.getRange();
      }
      static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === "#") {
          escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === "'" || first === '"';
        let inSingle = first === "'" && last === "'";
        let inDouble = false;
        if (first === '"') {
          for (let i = 1; i < value.length; i++) {
            if (value.charAt(i) === escapeChar) {
              i++;
            } else if (value.charAt(i) === '"' && i === value.length - 1) {
              inDouble = true;
            }
          }
        }
        if (inSingle || inDouble) {
          value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case escapeChar:
              if (i + 1 === value.length) {
                escapedValue = escapedValue + escapeChar;
                break parseValue;
              }
              char = value.charAt(i + 1);
              if (char === " " || char === "	") {
                whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case "\n":
                      escaped = true;
                      i = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal) {
                        if (char2 === escapeChar) {
                          escapedValue = escapedValue + char;
                          i = i + 1;
                        } else {
                          escapedValue = escapedValue + char + char2;
                          i = j;
                        }
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              }
              if (inDouble) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else if (char !== '"') {
                  if (char === escapeChar) {
                    i++;
                  }
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (inSingle || literal) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else {
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (char === escapeChar) {
                escapedValue = escapedValue + escapeChar;
                i++;
              } else if (char === "\r") {
                escaped = true;
                i = i + 2;
              } else if (char === "\n") {
                escaped = true;
                i++;
                start = i;
              } else {
                escapedValue = escapedValue + char;
                i++;
              }
              break;
            case " ":
            case "	":
              if (escaped && commentCheck === -1) {
                commentCheck = i;
              }
              escapedValue = escapedValue + char;
              break;
            case "\r":
              i++;
            case "\n":
              if (escaped && commentCheck !== -1) {
                escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                commentCheck = -1;
              }
              break;
            case "#":
              if (escaped) {
                if (commentCheck !== -1) {
                  escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                  commentCheck = -1;
                }
                newlineCheck: for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      break newlineCheck;
                  }
                }
                continue parseValue;
              }
            default:
              if (escaped) {
                escaped = false;
                commentCheck = -1;
              }
              escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var instruction_1 = require_instruction();
    var property_1 = require_property();
    var argument_1 = require_argument();
    var util_1 = require_util();
    var PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args = this.getPropertyArguments();
          if (args.length === 0) {
            this.properties = [];
          } else if (args.length === 1) {
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
          } else if (args.length === 2) {
            if (args[0].getValue().indexOf("=") === -1) {
              this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
            } else {
              this.properties = [
                new property_1.Property(this.document, this.escapeChar, args[0]),
                new property_1.Property(this.document, this.escapeChar, args[1])
              ];
            }
          } else if (args[0].getValue().indexOf("=") === -1) {
            let text2 = this.document.getText();
            let start = args[1].getRange().start;
            let end = args[args.length - 1].getRange().end;
            text2 = text2.substring(this.document.offsetAt(start), this.document.offsetAt(end));
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text2, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i = 0; i < args.length; i++) {
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
            }
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content) {
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
          switch (content.charAt(i)) {
            case " ":
            case "	":
              continue;
            case "\n":
              if (content.charAt(i - 1) === "\r") {
                i = i - 1;
              }
            case "\r":
              newlineCheck: for (let j = i - 1; j >= 0; j--) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              }
              break whitespaceCheck;
            default:
              index = i;
              break whitespaceCheck;
          }
        }
        return index;
      }
      getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
          return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        let escaped = range.start.line !== startPosition.line;
        let endingEscape = false;
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
          let char = content.charAt(i);
          switch (char) {
            case this.escapeChar:
              if (i + 1 === content.length) {
                endingEscape = true;
                break argumentLoop;
              }
              if (!escaped) {
                mark = i;
              }
              switch (content.charAt(i + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                    i = i + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                    switch (content.charAt(j)) {
                      case "\r":
                        j++;
                      case "\n":
                        escaped = true;
                        i = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                        argStart = j;
                        break whitespaceCheck;
                    }
                  }
                  i = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i++;
                case "\n":
                  escaped = true;
                  i = i + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  i = i + 1;
                  continue argumentLoop;
                default:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  continue argumentLoop;
              }
            case "'":
            case '"':
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              if (argStart === -1) {
                argStart = i;
              }
              for (let j = i + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case char:
                    if (content.charAt(j + 1) !== " " && content.charAt(j + 1) !== "") {
                      i = j;
                      continue argumentLoop;
                    }
                    args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                    i = j;
                    argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              }
              break argumentLoop;
            case " ":
            case "	":
              if (escaped) {
                if (argStart !== -1) {
                  spaced = true;
                }
              } else if (argStart !== -1) {
                args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                argStart = -1;
              }
              break;
            case "\r":
              i++;
            case "\n":
              spaced = false;
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      spaced = false;
                      continue argumentLoop;
                  }
                }
                if (argStart !== -1) {
                  let value = content.substring(argStart, mark);
                  args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                  argStart = -1;
                }
                break argumentLoop;
              } else if (argStart === -1) {
                argStart = i;
              }
              break;
            default:
              if (spaced) {
                this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              escaped = false;
              if (argStart === -1) {
                argStart = i;
              }
              if (char === "$" && content.charAt(i + 1) === "{") {
                let singleQuotes = false;
                let doubleQuotes = false;
                let escaped2 = false;
                for (let j = i + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = true;
                      break;
                    case "\r":
                    case "\n":
                      break;
                    case "'":
                      singleQuotes = !singleQuotes;
                      escaped2 = false;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes;
                      escaped2 = false;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes) {
                        break;
                      }
                      i = j - 1;
                      continue argumentLoop;
                    case "}":
                      i = j;
                      continue argumentLoop;
                    default:
                      escaped2 = false;
                      break;
                  }
                }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content.length) {
          let end2 = endingEscape ? content.length - 1 : content.length;
          let value = content.substring(argStart, end2);
          args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end2))));
        }
        return args;
      }
      createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
          args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
      }
    };
    exports.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Arg = void 0;
    var property_1 = require_property();
    var propertyInstruction_1 = require_propertyInstruction();
    var Arg = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
          this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        } else {
          this.property = null;
        }
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports.Arg = Arg;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Copy = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Copy = Copy;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var Env = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Env = Env;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var modifiableInstruction_1 = require_modifiableInstruction();
    var From = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
          return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
          const ch = imageName.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaped = true;
              break;
            case "\r":
              continue;
            case "\n":
              commented = false;
              break;
            case " ":
            case "	":
              break;
            case "#":
              if (escaped) {
                commented = true;
              } else {
                name = name + ch;
                escaped = false;
              }
              break;
            default:
              if (!commented) {
                name = name + ch;
                escaped = false;
              }
              break;
          }
        }
        return name;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
          let registryRange = this.getRegistryRange();
          if (registryRange) {
            range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
          }
          let tagRange = this.getImageTagRange();
          let digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          return range;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
          const rangeStartOffset = this.document.offsetAt(range.start);
          const content = this.getRangeContent(range);
          const atIndex = this.indexOf(rangeStartOffset, content, "@");
          const slashIndex = content.indexOf("/");
          if (atIndex === -1) {
            const colonIndex = this.lastIndexOf(rangeStartOffset, content, ":");
            if (colonIndex > slashIndex) {
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
            }
          }
          const subcontent = content.substring(0, atIndex);
          const subcolonIndex = subcontent.indexOf(":");
          if (subcolonIndex === -1) {
            return null;
          }
          if (slashIndex === -1) {
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
          }
          if (subcolonIndex < slashIndex) {
            return null;
          }
          return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
          let content = this.getRangeContent(range);
          let index = this.lastIndexOf(this.document.offsetAt(range.start), content, "@");
          if (index !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
          }
        }
        return null;
      }
      indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            const offset = this.document.offsetAt(variableRange.end) - documentOffset;
            const substring = content.substring(offset);
            const subIndex = substring.indexOf(searchString);
            if (subIndex === -1) {
              return -1;
            }
            index = subIndex + offset;
            i = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            index = content.substring(0, index).lastIndexOf(searchString);
            if (index === -1) {
              return -1;
            }
            i = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
          const tagRange = this.getImageTagRange();
          const digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          const content = this.getRangeContent(range);
          const rangeStart = this.document.offsetAt(range.start);
          const startingSlashIndex = this.indexOf(rangeStart, content, "/");
          if (startingSlashIndex === -1) {
            return null;
          }
          const portIndex = this.indexOf(rangeStart, content, ":");
          const dotIndex = this.indexOf(rangeStart, content, ".");
          if (portIndex !== -1 || dotIndex !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
          const registry = content.substring(0, startingSlashIndex);
          if (registry === "localhost") {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
        }
        return null;
      }
      getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
      }
      getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
          return args[2].getRange();
        }
        return null;
      }
      getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
      }
    };
    exports.From = From;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction();
    var Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
      }
    };
    exports.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var util_1 = require_util();
    var Label = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        for (const property of properties) {
          const value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            const range = property.getValueRange();
            for (let i = 0; i < variables.length; i++) {
              if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                variables.splice(i, 1);
                i--;
              }
            }
          }
        }
        return variables;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Label = Label;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var parser_1 = require_parser2();
    var instruction_1 = require_instruction();
    var Onbuild = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
          return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports.Onbuild = Onbuild;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Run = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Run = Run;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Stopsignal = void 0;
    var instruction_1 = require_instruction();
    var Stopsignal = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Workdir = void 0;
    var instruction_1 = require_instruction();
    var Workdir = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
          return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
          const workdirs = hierarchy[i].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--) {
            if (workdirs[j].getRange().start.line < startLine) {
              const parent = workdirs[j].getAbsolutePath();
              if (parent === void 0 || parent === null) {
                return void 0;
              }
              return parent.endsWith("/") ? parent + path : parent + "/" + path;
            }
          }
        }
        return void 0;
      }
    };
    exports.Workdir = Workdir;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.User = void 0;
    var instruction_1 = require_instruction();
    var User = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.User = User;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var onbuild_1 = require_onbuild();
    var util_1 = require_util();
    var workdir_1 = require_workdir();
    var ImageTemplate = class {
      constructor() {
        this.comments = [];
        this.instructions = [];
      }
      addComment(comment) {
        this.comments.push(comment);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction) {
        this.instructions.push(instruction);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction of this.instructions) {
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof arg_1.Arg) {
            args.push(instruction);
          }
        }
        return args;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof cmd_1.Cmd) {
            cmds.push(instruction);
          }
        }
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof copy_1.Copy) {
            copies.push(instruction);
          }
        }
        return copies;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof entrypoint_1.Entrypoint) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof env_1.Env) {
            args.push(instruction);
          }
        }
        return args;
      }
      getFROM() {
        for (const instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof healthcheck_1.Healthcheck) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
          if (instruction instanceof workdir_1.Workdir) {
            workdirs.push(instruction);
          }
        }
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof onbuild_1.Onbuild) {
            let trigger = instruction.getTriggerInstruction();
            if (trigger) {
              triggers.push(trigger);
            }
          }
        }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
          if (arg.isBefore(currentLine)) {
            const property = arg.getProperty();
            if (property) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        for (const env of this.getENVs()) {
          if (env.isBefore(currentLine)) {
            for (const property of env.getProperties()) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        return variables;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return property.getValue();
              }
            }
          }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return property.getValue();
            }
          }
        }
        return void 0;
      }
      getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        const range = this.getRange();
        if (range === null) {
          return false;
        }
        return util_1.Util.isInsideRange(position, range);
      }
    };
    exports.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var ast = require_main();
    var imageTemplate_1 = require_imageTemplate();
    var from_1 = require_from();
    var util_1 = require_util();
    var main_1 = require_main();
    var Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        this.foundFrom = false;
        this.document = document;
      }
      getEscapeCharacter() {
        for (const directive of this.directives) {
          if (directive.getDirective() === ast.Directive.escape) {
            const value = directive.getValue();
            if (value === "\\" || value === "`") {
              return value;
            }
          }
        }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
          return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
          if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
            return this.initialInstructions;
          }
        }
        for (const buildStage of this.buildStages) {
          if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
            return buildStage;
          }
        }
        return this;
      }
      addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
          this.currentBuildStage = new imageTemplate_1.ImageTemplate();
          this.buildStages.push(this.currentBuildStage);
          this.foundFrom = true;
        } else if (!this.foundFrom) {
          this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
          this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range = from.getRange();
          if (range.start.line <= line && line <= range.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
              initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return void 0;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction of this.initialInstructions.getARGs()) {
            initialARGs.addInstruction(instruction);
          }
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            if (property) {
              variables.push(property.getName());
            }
          }
          return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
          return null;
        }
        for (const from of this.getFROMs()) {
          if (from.getBuildStage() === imageName) {
            const range = from.getRange();
            if (range.start.line === templateFrom.getRange().start.line) {
              return null;
            }
            return this.getContainingImage(range.start);
          }
        }
        return null;
      }
      getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
          stages.splice(0, 0, stage);
          stage = this.getParentStage(stage);
        }
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        const availableDirectories = /* @__PURE__ */ new Set();
        for (const image of this.getStageHierarchy(line)) {
          for (const workdir of image.getWORKDIRs()) {
            if (workdir.getRange().end.line < line) {
              let directory = workdir.getAbsolutePath();
              if (directory !== void 0 && directory !== null) {
                if (!directory.endsWith("/")) {
                  directory += "/";
                }
                availableDirectories.add(directory);
              }
            }
          }
        }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
          if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
            this.initialInstructions.addComment(comments[i]);
          } else {
            for (const buildStage of this.buildStages) {
              if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                buildStage.addComment(comments[i]);
              }
            }
          }
        }
      }
      getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
          if (instructions.length > 0) {
            range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
          }
        } else if (instructions.length === 0) {
          range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        } else {
          const commentStart = comments[0].getRange().start;
          const commentEnd = comments[comments.length - 1].getRange().end;
          const instructionStart = instructions[0].getRange().start;
          const instructionEnd = instructions[instructions.length - 1].getRange().end;
          if (commentStart.line < instructionStart.line) {
            if (commentEnd.line < instructionEnd.line) {
              range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
            }
            range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
          } else if (commentEnd.line < instructionEnd.line) {
            range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
          } else {
            range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
          }
        }
        if (range === null) {
          if (this.directives.length === 0) {
            return null;
          }
          return this.directives[0].getRange();
        } else if (this.directives.length === 0) {
          return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
      }
    };
    exports.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser2 = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2));
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var comment_1 = require_comment();
    var parserDirective_1 = require_parserDirective();
    var instruction_1 = require_instruction();
    var add_1 = require_add();
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var label_1 = require_label();
    var onbuild_1 = require_onbuild();
    var run_1 = require_run();
    var shell_1 = require_shell();
    var stopsignal_1 = require_stopsignal();
    var workdir_1 = require_workdir();
    var user_1 = require_user();
    var volume_1 = require_volume();
    var dockerfile_1 = require_dockerfile();
    var util_1 = require_util();
    var main_1 = require_main();
    var Parser2 = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ARG":
            return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "COPY":
            return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENV":
            return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "FROM":
            return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "LABEL":
            return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "RUN":
            return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "USER":
            return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
      }
      getParserDirectives(document, buffer) {
        const directives = [];
        this.escapeChar = "";
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
          switch (buffer.charAt(i)) {
            case " ":
            case "	":
              break;
            case "\r":
            case "\n":
              break directiveCheck;
            case "#":
              let directiveStart = -1;
              let directiveEnd = -1;
              for (let j = i + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    if (directiveStart !== -1 && directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    break;
                  case "\r":
                  case "\n":
                    break directiveCheck;
                  case "=":
                    let valueStart = -1;
                    let valueEnd = -1;
                    if (directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                      char = buffer.charAt(k);
                      switch (char) {
                        case "\r":
                        case "\n":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          continue;
                        default:
                          if (valueStart === -1) {
                            valueStart = k;
                          }
                          break;
                      }
                    }
                    if (directiveStart === -1) {
                      break directiveCheck;
                    }
                    if (valueStart === -1) {
                      valueStart = j + 1;
                      valueEnd = lineEnd;
                    } else if (valueEnd === -1) {
                      valueEnd = buffer.length;
                    }
                    const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                    const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                    const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                    directiveStart = -1;
                    if (buffer.charAt(valueEnd) === "\r") {
                      i = valueEnd + 1;
                    } else {
                      i = valueEnd;
                    }
                    continue directiveCheck;
                  default:
                    if (directiveStart === -1) {
                      directiveStart = j;
                    }
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = "\\";
        if (directives.length > 0) {
          dockerfile.setDirectives(directives);
          this.escapeChar = dockerfile.getEscapeCharacter();
          offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        } else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
          offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
          const char = this.buffer.charAt(i);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "#":
              i = this.processComment(dockerfile, i);
              break;
            default:
              i = this.processInstruction(dockerfile, char, i);
              break;
          }
        }
        dockerfile.organizeComments();
        return dockerfile;
      }
      processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
          char = this.buffer.charAt(i);
          switch (char) {
            case this.escapeChar:
              escapedInstruction = true;
              char = this.buffer.charAt(i + 1);
              if (char === "\r" || char === "\n") {
                if (instructionEnd === -1) {
                  instructionEnd = i;
                }
                i++;
              } else if (char === " " || char === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i + 1;
                      instruction = instruction + this.escapeChar;
                      i = j - 2;
                      continue instructionCheck;
                  }
                }
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                break instructionCheck;
              } else {
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                escapedInstruction = false;
              }
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                }
                escapedInstruction = false;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
              return i;
            case "\r":
            case "\n":
              if (escapedInstruction) {
                continue;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
              return i;
            case "#":
              if (escapedInstruction) {
                continue;
              }
            default:
              instructionEnd = i + 1;
              instruction = instruction + char;
              escapedInstruction = false;
              break;
          }
        }
        if (instructionEnd === -1) {
          instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
      }
      processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
          instruction = instruction.getTriggerInstruction();
          if (instruction === null) {
            return offset;
          }
          keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
          return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
          const value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            if (value.startsWith("<<-")) {
              tabbed = true;
            }
            const name = util_1.Util.parseHeredocName(value);
            if (name !== null) {
              heredocs.push(name);
            }
          }
        }
        if (heredocs.length > 0) {
          for (const heredoc of heredocs) {
            offset = this.parseHeredoc(heredoc, offset, tabbed);
          }
        }
        return offset;
      }
      processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              if (escaped) {
                continue;
              }
              return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
            case this.escapeChar:
              const next = this.buffer.charAt(i + 1);
              if (next === "\n" || next === "\r") {
                escaped = true;
                i++;
              } else if (next === " " || next === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      escaped = true;
                    default:
                      i = j;
                      continue argumentsCheck;
                  }
                }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i = this.processComment(dockerfile, i);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              if (escaped) {
                escaped = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              end = i;
              break commentLoop;
          }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case " ":
              lineStart = false;
              break;
            case "	":
              if (!tabbed) {
                lineStart = false;
              }
              break;
            case "\r":
            case "\n":
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                return i;
              }
              startWord = -1;
              lineStart = true;
              break;
            default:
              if (lineStart) {
                startWord = i;
                lineStart = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports, "Argument", { enumerable: true, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports, "JSONArgument", { enumerable: true, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports, "Comment", { enumerable: true, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser2();
    var flag_1 = require_flag();
    Object.defineProperty(exports, "Flag", { enumerable: true, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports, "Instruction", { enumerable: true, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports, "Line", { enumerable: true, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports, "ParserDirective", { enumerable: true, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports, "Property", { enumerable: true, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports, "Variable", { enumerable: true, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports, "Add", { enumerable: true, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports, "Arg", { enumerable: true, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports, "Cmd", { enumerable: true, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports, "Copy", { enumerable: true, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports, "Entrypoint", { enumerable: true, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports, "Env", { enumerable: true, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports, "From", { enumerable: true, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports, "Healthcheck", { enumerable: true, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports, "Heredoc", { enumerable: true, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports, "JSONInstruction", { enumerable: true, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports, "Label", { enumerable: true, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports, "ModifiableInstruction", { enumerable: true, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports, "Onbuild", { enumerable: true, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports, "PropertyInstruction", { enumerable: true, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports, "Run", { enumerable: true, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports, "Shell", { enumerable: true, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports, "Stopsignal", { enumerable: true, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports, "User", { enumerable: true, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports, "Volume", { enumerable: true, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports, "Workdir", { enumerable: true, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2["ADD"] = "ADD";
      Keyword2["ARG"] = "ARG";
      Keyword2["CMD"] = "CMD";
      Keyword2["COPY"] = "COPY";
      Keyword2["ENTRYPOINT"] = "ENTRYPOINT";
      Keyword2["ENV"] = "ENV";
      Keyword2["EXPOSE"] = "EXPOSE";
      Keyword2["FROM"] = "FROM";
      Keyword2["HEALTHCHECK"] = "HEALTHCHECK";
      Keyword2["LABEL"] = "LABEL";
      Keyword2["MAINTAINER"] = "MAINTAINER";
      Keyword2["ONBUILD"] = "ONBUILD";
      Keyword2["RUN"] = "RUN";
      Keyword2["SHELL"] = "SHELL";
      Keyword2["STOPSIGNAL"] = "STOPSIGNAL";
      Keyword2["USER"] = "USER";
      Keyword2["VOLUME"] = "VOLUME";
      Keyword2["WORKDIR"] = "WORKDIR";
    })(Keyword || (exports.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2["escape"] = "escape";
      Directive2["syntax"] = "syntax";
    })(Directive || (exports.Directive = Directive = {}));
    exports.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse2(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
      }
      DockerfileParser3.parse = parse2;
    })(DockerfileParser2 || (exports.DockerfileParser = DockerfileParser2 = {}));
  }
});

// src/builder/hints.ts
function unreachable(driver) {
  return driver === "docker" || driver === "docker-container" ? "the node's Docker daemon is unreachable: check the endpoint (Docker host or context), that dockerd listens there, and the firewall between the runner and it" : "the endpoint is unreachable: check the address and port, that buildkitd listens there, and the firewall between the runner and the node";
}
var HINTS = [
  [
    /too many open files|fsnotify|inotify/i,
    "raise the open-file limit (ulimit -n) and fs.inotify.max_user_instances on the host; BuildKit \u2265 0.20.1 fixes the CDI fsnotify panic"
  ],
  [
    /x509|certificate|tls:|handshake failure|cacert|bad certificate/i,
    "check the node's TLS material: cacert/cert/key driver-opts (or BUILDER_NODE_<i>_AUTH_TLS_* variables) and that the certificate names the endpoint's host"
  ],
  [
    /pull|manifest|image|registry|toomanyrequests|unauthorized/i,
    "the BuildKit image could not be pulled: check the runner's registry access, log in, or set driver-opts image=<mirror>/moby/buildkit"
  ],
  [
    /unable to parse docker host|context .*not found|no such context/i,
    "the node's Docker context or host does not exist on this runner: create the context first, or use a URL endpoint"
  ],
  [/permission denied/i, "the runner user cannot reach the endpoint (socket permissions or file modes)"],
  [
    /connection refused|no such host|i\/o timeout|deadline exceeded|no route to host|network is unreachable|did not boot within|connection reset/i,
    unreachable
  ]
];
function hintFor(reason, driver) {
  const hint = HINTS.find(([re]) => re.test(reason))?.[1];
  if (typeof hint === "function") return hint(driver);
  return hint ?? "run with debug logging (in a workflow: ACTIONS_STEP_DEBUG; on the command line: --debug) to see what buildx said";
}

// src/builder/probe.ts
import net from "node:net";
var DEAD = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "no such host",
  EAI_NONAME: "no such host",
  EHOSTUNREACH: "no route to host",
  ENETUNREACH: "network is unreachable"
};
var PROBE_TIMEOUT_MS = 3e3;
var QUICK_PROBE_DELAYS_MS = [2e3, 2e3, 3e3];
function probeWindowSeconds(delaysMs = QUICK_PROBE_DELAYS_MS) {
  return Math.round(delaysMs.reduce((a, b) => a + b, 0) / 1e3);
}
function probeEndpoint(endpoint, opts = {}) {
  const timeoutMs = opts.timeoutMs ?? PROBE_TIMEOUT_MS;
  let url;
  try {
    url = new URL(endpoint);
  } catch {
    return Promise.resolve({ kind: "not-tcp" });
  }
  if (url.protocol !== "tcp:" || !url.port) return Promise.resolve({ kind: "not-tcp" });
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const where = `tcp ${host}:${url.port}`;
  return new Promise((resolve4) => {
    const socket = net.connect({
      host,
      port: Number(url.port),
      ...opts.lookup ? { lookup: opts.lookup } : {}
    });
    const done = (result) => {
      socket.destroy();
      resolve4(result);
    };
    socket.setTimeout(
      timeoutMs,
      () => done({ kind: "unsure", detail: `${where}: no answer within ${timeoutMs / 1e3} s` })
    );
    socket.once("connect", () => done({ kind: "open" }));
    socket.once("error", (e) => {
      const dead = e.code ? DEAD[e.code] : void 0;
      done(
        dead ? { kind: "dead", detail: `${where}: ${dead}` } : { kind: "unsure", detail: `${where}: ${e.message}` }
      );
    });
  });
}
async function probeTcp(endpoint, opts = {}) {
  const r = await probeEndpoint(endpoint, opts);
  return r.kind === "dead" || r.kind === "unsure" ? r.detail : void 0;
}
async function quickProbe(endpoint, opts = {}) {
  const delays = opts.delaysMs ?? QUICK_PROBE_DELAYS_MS;
  const start = Date.now();
  let last = await probeEndpoint(endpoint, opts);
  let probes = 1;
  if (last.kind === "dead") opts.onDead?.(last.detail);
  for (const delay of delays) {
    if (last.kind !== "dead" || opts.signal?.aborted) return last;
    if (opts.deadline !== void 0 && Date.now() + delay >= opts.deadline) break;
    if (!await wait(delay, opts.signal)) return last;
    last = await probeEndpoint(endpoint, opts);
    probes++;
  }
  if (last.kind !== "dead") return last;
  const over = probes > 1 ? ` over ${Math.round((Date.now() - start) / 1e3)} s` : "";
  return { kind: "dead", detail: `${last.detail} (${probes} probe${probes === 1 ? "" : "s"}${over})` };
}
function wait(ms, signal) {
  return new Promise((resolve4) => {
    if (signal?.aborted) return resolve4(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve4(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve4(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// src/builder/state.ts
function parseLsJson(text2, builder) {
  let found;
  const unknown = [];
  for (const line of text2.split("\n")) {
    const t = line.trim();
    if (!t) continue;
    let obj;
    try {
      obj = JSON.parse(t);
    } catch {
      unknown.push(t);
      continue;
    }
    if (obj.Name !== builder) continue;
    found = {
      name: builder,
      driver: obj.Driver ?? "",
      ...obj.Err ? { error: obj.Err } : {},
      nodes: (obj.Nodes ?? []).map((n) => ({
        name: n.Name ?? "",
        endpoint: n.Endpoint ?? "",
        status: (n.Status ?? "").toLowerCase(),
        error: n.Err ?? "",
        buildkit: n.Version ?? "",
        platforms: n.Platforms ?? []
      })),
      unknown
    };
  }
  return found;
}
var NODE_KEYS = /* @__PURE__ */ new Set([
  "Name",
  "Endpoint",
  "Status",
  "Error",
  "BuildKit version",
  "BuildKit",
  "Buildkit",
  "Platforms",
  "Driver Options",
  "Flags",
  "Labels",
  "BuildKit daemon flags",
  "Devices"
]);
function parseInspect(text2) {
  const state = { name: "", driver: "", nodes: [], unknown: [] };
  let node;
  let inNodes = false;
  for (const raw of text2.split(/\r?\n/)) {
    if (raw.trim() === "") continue;
    if (/^\s/.test(raw) || raw.startsWith("GC Policy") || raw.startsWith("Worker ")) continue;
    const m = raw.match(/^([A-Za-z][A-Za-z ]*?):(.*)$/);
    if (!m) {
      state.unknown.push(raw);
      continue;
    }
    const key = m[1];
    const value = m[2].trimStart();
    if (key === "Nodes") {
      inNodes = true;
      continue;
    }
    if (!inNodes) {
      if (key === "Name") state.name = value;
      else if (key === "Driver") state.driver = value;
      else if (key === "Error") state.error = value;
      else if (key !== "Last Activity" && key !== "Dynamic") state.unknown.push(raw);
      continue;
    }
    if (key === "Name") {
      node = { name: value, endpoint: "", status: "", error: "", buildkit: "", platforms: [] };
      state.nodes.push(node);
      continue;
    }
    if (!node) continue;
    if (!NODE_KEYS.has(key)) {
      state.unknown.push(raw);
      continue;
    }
    if (key === "Endpoint") node.endpoint = value;
    else if (key === "Status") node.status = value.toLowerCase();
    else if (key === "Error") node.error = value;
    else if (key.toLowerCase().startsWith("buildkit") && key !== "BuildKit daemon flags")
      node.buildkit = value;
    else if (key === "Platforms") {
      node.platforms = splitPlatforms(value);
      const declared2 = declaredPlatforms(value);
      if (declared2.length) node.declared = declared2;
    }
  }
  for (const n of state.nodes) if (n.error && !n.status) n.status = "error";
  return state;
}
function declaredPlatforms(value) {
  return value.split(",").map((p) => p.trim()).filter((p) => p.endsWith("*")).map((p) => p.slice(0, -1));
}
function splitPlatforms(value) {
  return value.split(",").map((p) => p.trim().replace(/\*$/, "")).filter((p) => p !== "");
}
function parseBootProgress(stderr, nodeNames) {
  const vertexNode = /* @__PURE__ */ new Map();
  const reasons = /* @__PURE__ */ new Map();
  for (const line of stderr.split("\n")) {
    const named = line.match(/^#(\d+) \[(?:(\S+) )?internal\]/);
    if (named) {
      const node = named[2] ?? (nodeNames.length === 1 ? nodeNames[0] : void 0);
      if (node) vertexNode.set(named[1], node);
      continue;
    }
    const err = line.match(/^#(\d+) ERROR: (.*)$/);
    if (err) {
      const node = vertexNode.get(err[1]);
      if (node) reasons.set(node, err[2].trim());
    }
  }
  return reasons;
}
function finalError(stderr) {
  const lines = stderr.split("\n").filter((l) => l.startsWith("ERROR: "));
  return lines.length ? lines[lines.length - 1].slice("ERROR: ".length).trim() : "";
}

// src/builder/create-nodes.ts
import { mkdirSync as mkdirSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join2 } from "node:path";

// src/builder/create.ts
function createArgs(builder, node, index, driverOpts, configFile) {
  const args = ["create", "--name", builder.name, "--driver", builder.driver, "--node", node.name];
  if (index > 0) args.push("--append");
  for (const opt of driverOpts) args.push("--driver-opt", opt);
  if (node.platforms.length) args.push("--platform", node.platforms.join(","));
  if (node.buildkitdFlags) args.push("--buildkitd-flags", node.buildkitdFlags);
  if (configFile) args.push("--buildkitd-config", configFile);
  if (node.endpoint) args.push(node.endpoint);
  return args;
}

// src/builder/deps.ts
function bootstrapBound(config) {
  return `${config.bootstrapTimeoutSeconds} s (bootstrap-timeout)`;
}
var NodesDownError = class extends Error {
  constructor(builder, failed2, total, builderError, state) {
    super(
      failed2.length === 0 ? `Builder '${builder}' has no node that is running: ${builderError || "buildx lists no nodes for it"}.` : `${failed2.length} of ${total} node${total === 1 ? "" : "s"} of builder '${builder}' ${failed2.length === 1 ? "is" : "are"} not running:
` + failed2.map(
        (f) => `- node '${f.name}' (${f.driver}, ${f.endpoint || "default endpoint"}): ${f.status || "unknown"}, ${f.reason}. Hint: ${f.hint}.`
      ).join("\n")
    );
    this.builder = builder;
    this.failed = failed2;
    this.total = total;
    this.builderError = builderError;
    this.state = state;
    this.name = "NodesDownError";
  }
  builder;
  failed;
  total;
  builderError;
  state;
};

// src/builder/tls.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var KEYS = [
  ["CACERT", "cacert"],
  ["CERT", "cert"],
  ["KEY", "key"]
];
function tlsDriverOpts(index, driverOpts, env, privateDir) {
  const out = [...driverOpts];
  const secrets = [];
  for (const [envKey, opt] of KEYS) {
    const pem = env[`BUILDER_NODE_${index}_AUTH_TLS_${envKey}`];
    if (!pem || out.some((o) => o.startsWith(`${opt}=`))) continue;
    mkdirSync(privateDir, { recursive: true, mode: 448 });
    const file = join(privateDir, `node${index}-${opt}.pem`);
    writeFileSync(file, pem, { mode: 384 });
    out.push(`${opt}=${file}`);
    if (envKey === "KEY") secrets.push(pem);
  }
  return { driverOpts: out, secrets };
}

// src/builder/create-nodes.ts
async function refuseExisting(name, deps) {
  const r = await deps.buildx.buildx(["inspect", name], { timeoutMs: 6e4 });
  if (r.code === 0) {
    throw new UserError(
      `Builder '${name}' already exists; to build on it, set input 'builder' to '${name}' (its nodes are verified and it is never removed), or choose another 'name'.`,
      "name"
    );
  }
}
function appendOrderFree(nodes) {
  const seen = /* @__PURE__ */ new Set();
  for (const n of nodes.slice(1)) {
    if (!n.platforms.length) return false;
    for (const p of n.platforms) {
      if (seen.has(p)) return false;
      seen.add(p);
    }
  }
  return true;
}
async function createNodes(config, deps, onCreated, deadline) {
  const create = (i) => createNode(config, i, deps, deadline);
  const first = await create(0);
  if (!first) onCreated(config.name);
  const failed2 = first ? [first] : [];
  const rest = config.nodes.slice(1).map((_, i) => i + 1);
  if (!first && appendOrderFree(config.nodes)) {
    failed2.push(...(await Promise.all(rest.map(create))).filter((f) => !!f));
  } else if (!first) {
    for (const i of rest) {
      const f = await create(i);
      if (f) {
        failed2.push(f);
        break;
      }
    }
  }
  if (failed2.length) throw new NodesDownError(config.name, failed2, config.nodes.length);
}
async function createNode(config, i, deps, deadline) {
  const node = config.nodes[i];
  const tls = tlsDriverOpts(i, node.driverOpts, deps.env, join2(deps.tempDir, "tls"));
  for (const s of tls.secrets) deps.setSecret?.(s);
  let configFile;
  if (node.buildkitdConfigInline.trim()) {
    mkdirSync2(deps.tempDir, { recursive: true, mode: 448 });
    configFile = join2(deps.tempDir, `buildkitd-${node.name}.toml`);
    writeFileSync2(configFile, node.buildkitdConfigInline, { mode: 384 });
  }
  const args = createArgs(config, node, i, tls.driverOpts, configFile);
  deps.debug(`docker buildx ${args.join(" ")}`);
  const r = await deps.buildx.buildx(args, { timeoutMs: Math.max(1e3, deadline - Date.now()) });
  if (r.code === 0) return void 0;
  const reason = r.timedOut ? `no answer within ${bootstrapBound(config)}` : finalError(r.stderr) || firstLine(r.stderr) || `exit code ${r.code}`;
  return {
    name: node.name,
    endpoint: node.endpoint,
    driver: config.driver,
    status: "not created",
    reason: `docker buildx create failed: ${reason}`,
    hint: hintFor(reason, config.driver)
  };
}

// src/builder/status.ts
async function probeNodes(name, serving, deps, timeoutMs) {
  const r = await deps.buildx.buildx(["inspect", name], { timeoutMs });
  const silent = (n, reason) => ({
    name: n.name,
    endpoint: n.endpoint,
    reason
  });
  if (r.timedOut || r.code !== 0) {
    const why = r.timedOut ? `did not answer within ${Math.round(timeoutMs / 1e3)} s` : finalError(r.stderr) || `buildx inspect exited ${r.code}`;
    return serving.map((n) => silent(n, why));
  }
  return parseInspect(r.stdout).nodes.filter((n) => n.status !== "running").map((n) => silent(n, n.error || `status ${n.status || "unknown"}`));
}
async function readState(name, deps, timeoutMs = 6e4) {
  const until = Date.now() + timeoutMs;
  if (atLeast(await deps.version, 0, 13)) {
    const ls = await deps.buildx.buildx(["ls", "--format", "json"], { timeoutMs });
    const state2 = parseLsJson(ls.stdout, name);
    if (state2) {
      if (state2.unknown.length) deps.debug(`ls: unrecognised lines: ${state2.unknown.join(" | ")}`);
      return state2;
    }
    deps.debug(`ls --format json did not list builder '${name}' (exit ${ls.code}); reading inspect instead`);
  }
  const r = await deps.buildx.buildx(["inspect", name], {
    timeoutMs: Math.max(1e3, until - Date.now())
  });
  const state = parseInspect(r.stdout);
  if (state.unknown.length) deps.debug(`inspect: unrecognised lines: ${state.unknown.join(" | ")}`);
  if (!state.name)
    throw new Error(`docker buildx inspect ${name} failed: ${firstLine(r.stderr) || `exit code ${r.code}`}`);
  return state;
}

// src/builder/bootstrap.ts
function announce(name, config, deps) {
  deps.info(
    `Booting builder '${name}' and waiting for every node to report running (within ${bootstrapBound(config)})\u2026`
  );
}
var STATUS_READ_MIN_MS = 3e3;
function bootPhaseEnd(deadline, config) {
  return deadline - Math.min(STATUS_READ_MIN_MS, config.bootstrapTimeoutSeconds * 1e3 / 2);
}
var sleeper = (ms) => new Promise((r) => setTimeout(r, ms));
var BootStopped = class extends Error {
};
async function setupBuilder(config, deps, onCreated = () => {
}) {
  const existing = config.existing || (config.driver === "docker" ? config.nodes[0].endpoint || "default" : "");
  const name = existing || config.name;
  const deadline = Date.now() + config.bootstrapTimeoutSeconds * 1e3;
  let created = !!existing;
  const state = await failFast(
    name,
    config,
    deps,
    deadline,
    () => created,
    async (signal) => {
      if (!existing) {
        if (config.nameGiven) await refuseExisting(config.name, deps);
        await createNodes(
          config,
          deps,
          (n) => {
            created = true;
            onCreated(n);
          },
          bootPhaseEnd(deadline, config)
        );
      }
      return bootAndVerify(name, config, deps, deadline, signal);
    }
  );
  return { name, driver: existing ? state.driver : config.driver, state };
}
async function failFast(name, config, deps, deadline, created, run2) {
  const probed = config.nodes.filter((n) => n.endpoint.startsWith("tcp://"));
  const stopBoot = new AbortController();
  const stopProbes = new AbortController();
  const verdicts = Promise.all(
    probed.map(async (n) => ({
      node: n,
      reach: await quickProbe(n.endpoint, {
        deadline,
        ...deps.quickProbeDelaysMs ? { delaysMs: deps.quickProbeDelaysMs } : {},
        signal: stopProbes.signal,
        onDead: (detail) => deps.info(
          `Node '${n.name}' (${n.endpoint}): ${detail}; probing again for ${probeWindowSeconds(deps.quickProbeDelaysMs)} s before failing.`
        )
      })
    }))
  ).then((all) => {
    const dead2 = all.filter((v) => v.reach.kind === "dead");
    if (dead2.length && !stopProbes.signal.aborted) stopBoot.abort();
    return dead2;
  });
  try {
    return await run2(stopBoot.signal);
  } catch (e) {
    if (!stopBoot.signal.aborted) throw e;
  } finally {
    stopProbes.abort();
  }
  const dead = await verdicts;
  const state = created() ? await readState(name, deps, STATUS_READ_MIN_MS).catch(() => void 0) : void 0;
  throw new NodesDownError(
    name,
    dead.map(({ node, reach }) => {
      const reason = reach.kind === "dead" ? reach.detail : "";
      const driver = state?.driver || config.driver;
      return {
        name: node.name,
        endpoint: node.endpoint,
        driver,
        status: state?.nodes.find((s) => s.name === node.name)?.status || "not booted",
        reason,
        hint: hintFor(reason, driver)
      };
    }),
    config.nodes.length,
    void 0,
    state
  );
}
async function bootAndVerify(name, config, deps, deadline = Date.now() + config.bootstrapTimeoutSeconds * 1e3, signal) {
  const sleep = deps.sleep ?? sleeper;
  const stopped = () => {
    if (signal?.aborted) throw new BootStopped(`boot of builder '${name}' stopped`);
  };
  const left = () => Math.max(0, deadline - Date.now());
  const bootLeft = () => Math.max(0, bootPhaseEnd(deadline, config) - Date.now());
  announce(name, config, deps);
  for (let round = 0; ; round++) {
    stopped();
    const rounds = config.bootstrapRetries - round + 1;
    const budget = Math.floor(bootLeft() / rounds);
    const boot = budget >= 1e3 ? await deps.buildx.buildx(["inspect", "--bootstrap", name], {
      timeoutMs: budget,
      ...signal ? { signal } : {}
    }) : { code: 1, stdout: "", stderr: "", timedOut: true };
    deps.debug(`inspect --bootstrap exited ${boot.code}${boot.timedOut ? " (timed out)" : ""}`);
    stopped();
    if (/no builder .* found/i.test(boot.stderr)) {
      throw new UserError(
        `Builder '${name}' does not exist (${finalError(boot.stderr) || firstLine(boot.stderr)}); create it first or leave input 'builder' empty.`,
        "builder"
      );
    }
    const printed = boot.code === 0 ? parseInspect(boot.stdout) : void 0;
    const allRunning = (s) => !!s && s.nodes.length > 0 && s.nodes.every((n) => n.status === "running");
    const state = printed && allRunning(printed) ? printed : await readState(name, deps, Math.max(STATUS_READ_MIN_MS, left()));
    stopped();
    const down = state.nodes.filter((n) => n.status !== "running");
    if (state.nodes.length > 0 && down.length === 0) return state;
    const reasons = parseBootProgress(
      boot.stderr,
      down.map((n) => n.name)
    );
    const wait2 = Math.min(2e3 * 2 ** round, 15e3);
    if (round >= config.bootstrapRetries || bootLeft() < wait2 + 1e3) {
      const builderError = state.error || printed?.error || finalError(boot.stderr) || void 0;
      throw new NodesDownError(
        name,
        await describe(down, state, boot, reasons, config),
        state.nodes.length,
        builderError,
        state
      );
    }
    deps.info(
      `Node${down.length === 1 ? "" : "s"} ${down.map((n) => `'${n.name}' (${n.status || "unknown"})`).join(", ")} not running; booting again in ${wait2 / 1e3} s (retry ${round + 1} of ${config.bootstrapRetries}).`
    );
    await Promise.race([sleep(wait2), aborted(signal)]);
  }
}
function aborted(signal) {
  return new Promise((resolve4) => {
    if (signal?.aborted) resolve4();
    signal?.addEventListener("abort", () => resolve4(), { once: true });
  });
}
async function describe(down, state, boot, reasons, config) {
  const ours = (text2) => boot.timedOut && !!text2 && /SIGTERM\/SIGINT|forcing shutdown|context canceled/i.test(text2);
  const own = (text2) => ours(text2) ? "" : text2 ?? "";
  const fallback = own(state.nodes.length === 1 || down.length === 1 ? finalError(boot.stderr) : "");
  return Promise.all(
    down.map(async (n) => {
      const said = n.error || own(reasons.get(n.name)) || (boot.timedOut ? `did not boot within ${bootstrapBound(config)}` : "") || fallback || "buildx gave no reason";
      const probe = await probeTcp(n.endpoint);
      const reason = probe ? `${said} (${probe})` : said;
      const driver = state.driver || config.driver;
      return {
        name: n.name,
        endpoint: n.endpoint,
        driver,
        status: n.status,
        reason,
        hint: hintFor(reason, driver)
      };
    })
  );
}

// src/attempts/run.ts
import { existsSync as existsSync3, statSync as statSync2 } from "node:fs";
import { isAbsolute as isAbsolute2, join as join7 } from "node:path";

// src/attempts/secrets.ts
import { mkdirSync as mkdirSync3, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join3 } from "node:path";
function split(line) {
  const eq = line.indexOf("=");
  return [line.slice(0, eq), line.slice(eq + 1)];
}
function gitContextHost(context) {
  const m = context.match(/^https:\/\/([^/@:#]+)(?::\d+)?\//i);
  if (m && (/\.git(?:#|$)/.test(context) || /^https:\/\/github\.com\//i.test(context)))
    return m[1].toLowerCase();
  const bare = context.match(/^(github\.com)\//i);
  return bare ? bare[1].toLowerCase() : void 0;
}
function gitTokenId(context, serverUrl = "https://github.com") {
  const host = gitContextHost(context);
  const server = serverUrl.match(/^https:\/\/([^/:]+)/i)?.[1]?.toLowerCase();
  return host && server && host === server ? `GIT_AUTH_TOKEN.${host}` : void 0;
}
function secretSpecs(b, dir, mask, serverUrl = process.env.GITHUB_SERVER_URL || "https://github.com") {
  const specs = [];
  const write = (id, value) => {
    if (value) maskValue(value, mask);
    const file = join3(dir, `secret-${specs.length}`);
    try {
      mkdirSync3(dir, { recursive: true, mode: 448 });
      writeFileSync3(file, value, { mode: 384 });
    } catch (e) {
      throw new Error(
        `Could not write secret '${id}' to the step's private folder (${dir}): ${describeFsError(e)}.`,
        { cause: e }
      );
    }
    specs.push(`id=${id},src=${file}`);
  };
  for (const line of b.secrets) write(...split(line));
  for (const line of b.secretFiles) {
    const [id, path] = split(line);
    specs.push(`id=${id},src=${path}`);
  }
  for (const line of b.secretEnvs) {
    const [id, env] = split(line);
    specs.push(`id=${id},env=${env}`);
  }
  const tokenId = b.githubToken ? gitTokenId(b.context, serverUrl) : void 0;
  if (tokenId && !specs.some((s) => /^id=GIT_AUTH_TOKEN[,.]/.test(s))) write(tokenId, b.githubToken);
  return specs;
}
function maskValue(value, mask) {
  if (value) mask(value);
  if (value.includes("\n")) {
    for (const l of value.split(/\r?\n/)) if (l.trim().length >= 4) mask(l.trim());
  }
}
var SECRET_NAME = /(?:^|_)(?:TOKEN|SECRET|PASSWORD|PASSWD|PASS|KEY|APIKEY|CREDENTIALS?|AUTH)(?:_|$)/i;
function secretValues(b, env = process.env) {
  const values = [
    ...b.secrets.map((l) => split(l)[1]),
    b.githubToken,
    ...b.secretEnvs.map((l) => env[split(l)[1]] ?? ""),
    ...b.buildArgs.filter((l) => SECRET_NAME.test(split(l)[0])).map((l) => split(l)[1])
  ];
  for (const line of b.secretFiles) {
    const path = split(line)[1];
    try {
      values.push(readBounded(path, "secret-file").trim());
    } catch {
    }
  }
  return values.filter((v) => v.length >= 3);
}

// src/attempts/args.ts
var CHILD_READS = /^(?:PATH|HOME|USER|SHELL|TMPDIR|PWD|LANG|LANGUAGE|TZ|TERM|NO_COLOR|SSH_AUTH_SOCK|SSL_CERT_(?:FILE|DIR)|GO(?:GC|DEBUG|MAXPROCS|MEMLIMIT|TRACEBACK)|(?:HTTPS?|FTP|NO|ALL)_PROXY|(?:DOCKER|BUILDX|BUILDKIT|LD|LC|XDG|OTEL)_\w*)$/i;
var GHA_CACHE_VARIABLES = [
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_CACHE_URL",
  "ACTIONS_RESULTS_URL",
  "ACTIONS_CACHE_SERVICE_V2"
];
function usesGhaCache(b) {
  return [...b.cacheFrom, ...b.cacheTo].some((c) => /(?:^|,)type=gha(?:,|$)/.test(c));
}
function buildArgFlags(lines) {
  const args = [];
  const env = {};
  for (const line of lines) {
    const eq = line.indexOf("=");
    const name = eq < 0 ? line : line.slice(0, eq);
    if (eq <= 0) {
      args.push("--build-arg", line);
    } else if (CHILD_READS.test(name)) {
      if (SECRET_NAME.test(name)) {
        throw new UserError(
          `Build-arg '${name}' is named like a secret and like a variable buildx itself reads, so its value could only go on the command line; rename it or pass it with 'secrets'.`,
          "build-args"
        );
      }
      args.push("--build-arg", line);
    } else {
      args.push("--build-arg", name);
      env[name] = line.slice(eq + 1);
    }
  }
  return { args, env };
}
function buildCommand(b, f, jobEnv) {
  const buildArgs = buildArgFlags(b.buildArgs);
  const env = {};
  if (usesGhaCache(b)) {
    for (const k of GHA_CACHE_VARIABLES) if (jobEnv[k]) env[k] = jobEnv[k];
  }
  return { args: buildArgv(b, f, buildArgs.args), env: { ...env, ...buildArgs.env } };
}
function buildArgv(b, f, buildArgFlags2) {
  const args = [
    "build",
    "--builder",
    f.builder,
    "--progress=rawjson",
    "--metadata-file",
    f.metadataFile,
    ...takesImageIdFile(b.outputs) ? ["--iidfile", f.iidFile] : []
  ];
  const many = (flag, values) => values.forEach((v) => args.push(flag, v));
  const one = (flag, value) => value && args.push(flag, value);
  one("--file", b.file);
  many("--tag", b.tags);
  many("--label", b.labels);
  if (b.platforms.length) args.push("--platform", b.platforms.join(","));
  if (b.push) args.push("--push");
  if (b.load) args.push("--load");
  many("--output", b.outputs);
  one("--target", b.target);
  args.push(...buildArgFlags2);
  many("--build-context", b.buildContexts);
  many("--secret", f.secretSpecs);
  many("--ssh", b.ssh);
  many("--cache-from", b.cacheFrom);
  many("--cache-to", b.cacheTo);
  if (b.noCache) args.push("--no-cache");
  many("--no-cache-filter", b.noCacheFilters);
  if (b.pull) args.push("--pull");
  one("--network", b.network);
  many("--add-host", b.addHosts);
  if (b.allow.length) args.push("--allow", b.allow.join(","));
  one("--shm-size", b.shmSize);
  many("--ulimit", b.ulimit);
  one("--cgroup-parent", b.cgroupParent);
  many("--annotation", b.annotations);
  if (b.provenance) args.push(`--provenance=${b.provenance}`);
  if (b.sbom) args.push(`--sbom=${b.sbom}`);
  many("--attest", b.attests);
  one("--call", b.call);
  args.push(b.context);
  return args;
}
function takesImageIdFile(outputs) {
  return !outputs.some((o) => {
    const type = o.match(/(?:^|,)type=([^,]+)/)?.[1];
    if (type) return type === "local" || type === "tar";
    return !o.includes("=");
  });
}

// src/attempts/metadata.ts
import { existsSync } from "node:fs";
function readMetadata(file) {
  return existsSync(file) ? readBounded(file, "metadata").trim() : "";
}
function parseMetadata(text2) {
  try {
    return text2 ? JSON.parse(text2) : {};
  } catch {
    return {};
  }
}
function metadataEnv(env) {
  return env?.BUILDX_METADATA_PROVENANCE ? {} : { BUILDX_METADATA_PROVENANCE: "disabled" };
}

// src/attempts/bake.ts
import { existsSync as existsSync2, statSync } from "node:fs";
import { isAbsolute, join as join6, resolve as resolve3 } from "node:path";

// src/fsio/paths.ts
import { realpathSync } from "node:fs";
import { basename, dirname, join as join4, sep } from "node:path";
function realPath(path) {
  try {
    return realpathSync(path);
  } catch {
    const up = dirname(path);
    return up === path ? path : join4(realPath(up), basename(path));
  }
}
function insideAny(path, roots) {
  return roots.some((r) => path === r || path.startsWith(r.endsWith(sep) ? r : r + sep));
}

// src/config/config.ts
import { basename as basename2, dirname as dirname2, join as join5, resolve } from "node:path";

// src/config/inputs.ts
var import_yaml = __toESM(require_dist(), 1);
var TRUE = ["true", "True", "TRUE"];
var FALSE = ["false", "False", "FALSE"];
function getString(src, name, fallback = "") {
  const v = src(name).trim();
  return v === "" ? fallback : v;
}
function getBoolean(src, name, fallback) {
  const v = src(name).trim();
  if (v === "") return fallback;
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  throw new UserError(`Input '${name}' must be true or false, got '${v}'.`, name);
}
function getNumber(src, name, fallback, { min = 0, max = Number.MAX_SAFE_INTEGER, integer: integer2 = true } = {}) {
  const v = src(name).trim();
  if (v === "") return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || integer2 && !Number.isInteger(n) || n < min || n > max) {
    const kind = integer2 ? "a whole number" : "a number";
    throw new UserError(`Input '${name}' must be ${kind} from ${min} to ${max}, got '${v}'.`, name);
  }
  return n;
}
function getChoice(src, name, choices, fallback) {
  const v = src(name).trim();
  if (v === "") return fallback;
  if (choices.includes(v)) return v;
  throw new UserError(`Input '${name}' must be one of ${choices.join(", ")}; got '${v}'.`, name);
}
function getList(src, name, { ignoreComma = false } = {}) {
  return splitList(src(name), { ignoreComma });
}
function splitList(value, { ignoreComma = false } = {}) {
  const out = [];
  for (const line of value.split(/\r?\n/)) {
    if (line.trim().startsWith("#")) continue;
    for (const item of ignoreComma ? [line] : splitCommas(line)) {
      const t = item.trim();
      if (t !== "") out.push(t);
    }
  }
  return out;
}
function splitCommas(line) {
  const items = [];
  let cur = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      items.push(cur);
      cur = "";
    } else cur += ch;
  }
  items.push(cur);
  return items;
}
function getYaml(src, name) {
  const v = src(name);
  if (v.trim() === "") return void 0;
  try {
    return (0, import_yaml.parse)(v, { prettyErrors: true });
  } catch (e) {
    const where = e instanceof import_yaml.YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}` : "";
    const what2 = e instanceof Error ? e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "") : String(e);
    throw new UserError(`Input '${name}' is not valid YAML${where}: ${what2}`, name);
  }
}

// src/config/declaration.ts
var BUILDER = ["build", "bake", "setup"];
var BUILDER_CLI = ["build", "bake", "doctor"];
var RUNS = ["build", "bake", "merge"];
var INPUTS = {
  driver: {
    kind: "choice",
    default: "docker-container",
    description: "Builder driver: docker-container, remote, kubernetes, or docker (the daemon's default builder).",
    action: BUILDER,
    cli: BUILDER_CLI
  },
  name: {
    kind: "string",
    description: "Name of the builder to create. Default derived from the run, so parallel jobs never collide.",
    action: BUILDER,
    cli: BUILDER_CLI
  },
  builder: {
    kind: "string",
    description: "Use this existing builder instead of creating one; its nodes are still verified strictly and it is never removed.",
    action: BUILDER,
    cli: BUILDER_CLI,
    help: "an existing builder to verify and use (never removed)"
  },
  nodes: {
    kind: "yaml",
    description: "YAML list of nodes: each with name, endpoint, platforms, driver-opts, buildkitd-flags, buildkitd-config-inline.",
    action: BUILDER,
    cli: BUILDER_CLI
  },
  endpoint: {
    kind: "string",
    description: "Endpoint of the single node (a URL such as tcp://buildkitd:1234, or a Docker context name).",
    action: BUILDER,
    cli: BUILDER_CLI
  },
  "driver-opts": {
    kind: "lines",
    description: "Driver options of the single node, one per line (e.g. cacert=/path/ca.pem).",
    action: BUILDER,
    cli: BUILDER_CLI
  },
  "buildkitd-flags": {
    kind: "string",
    description: "BuildKit daemon flags of the single node.",
    action: BUILDER,
    cli: BUILDER_CLI
  },
  "buildkitd-config-inline": {
    kind: "text",
    description: "Inline BuildKit daemon configuration (TOML) of the single node.",
    action: BUILDER,
    cli: BUILDER_CLI
  },
  "bootstrap-timeout": {
    kind: "number",
    default: "120",
    description: "Seconds creating, booting and verifying the nodes may take, every boot round and the last status read included; nodes not running by then fail the step, each named. A tcp:// node that refuses connections or does not resolve fails sooner, after 4 quick probes over 7 s.",
    action: BUILDER,
    cli: BUILDER_CLI
  },
  "bootstrap-retries": {
    kind: "number",
    default: "2",
    description: "How many times a node that did not reach 'running' is booted again, with backoff, before the step fails.",
    action: BUILDER,
    cli: BUILDER_CLI
  },
  cleanup: {
    kind: "boolean",
    default: "true",
    description: "Remove the builder this step created, its temporary files and TLS material in the post phase.",
    action: BUILDER,
    cli: BUILDER_CLI
  },
  build: {
    kind: "boolean",
    default: "true",
    description: "Run the build. false only sets up and verifies the builder, as docker/setup-buildx-action does.",
    action: ["build", "bake", "setup"],
    cli: []
  },
  context: {
    kind: "string",
    default: ".",
    description: "Build context (a path, or a Git URL).",
    action: ["build"],
    cli: ["build"],
    help: "the build context (a path or a Git URL; or give it as the argument), default ."
  },
  file: {
    kind: "string",
    description: "Path to the Dockerfile. Default {context}/Dockerfile.",
    help: { ledger: "the ledger file to print (what build --ledger appends)" },
    action: ["build"],
    cli: ["build", "ledger"]
  },
  tags: {
    kind: "list",
    description: "Image tags, one per line or comma-separated.",
    action: ["build", "merge"],
    cli: ["build", "merge"],
    help: {
      build: "image tags (repeat the flag for several)",
      merge: "where the merged index is pushed (repeat the flag for several repositories or tags)"
    }
  },
  labels: {
    kind: "lines",
    description: "Image labels, one per line.",
    action: ["build"],
    cli: ["build"]
  },
  platforms: {
    kind: "list",
    description: "Target platforms of the build, comma-separated (e.g. linux/amd64,linux/arm64).",
    action: ["build"],
    cli: ["build", "doctor"]
  },
  push: {
    kind: "boolean",
    default: "false",
    description: "Push the image (--push).",
    action: ["build", "bake"],
    cli: ["build", "bake"]
  },
  load: {
    kind: "boolean",
    default: "false",
    description: "Load the image into Docker (--load).",
    action: ["build", "bake"],
    cli: ["build", "bake"]
  },
  outputs: {
    kind: "lines",
    description: "Outputs (--output), one per line.",
    action: ["build"],
    cli: ["build"]
  },
  target: {
    kind: "string",
    description: "Target stage to build.",
    action: ["build"],
    cli: ["build"]
  },
  "build-args": {
    kind: "lines",
    description: "Build arguments, one KEY=value per line. Values reach buildx through its environment (--build-arg KEY), never its command line; a name buildx reads itself (PATH, HOME, a proxy, DOCKER_*, BUILDX_*, ...) stays KEY=value on the command line, and is refused when it is also named like a secret.",
    action: ["build"],
    cli: ["build"]
  },
  "build-contexts": {
    kind: "lines",
    description: "Additional build contexts, one name=source per line.",
    action: ["build"],
    cli: ["build"]
  },
  secrets: {
    kind: "lines",
    description: "Secrets, one id=value per line. Values go to private files and are masked.",
    action: ["build"],
    cli: ["build"]
  },
  "secret-files": {
    kind: "lines",
    description: "Secret files, one id=path per line.",
    action: ["build"],
    cli: ["build"]
  },
  "secret-envs": {
    kind: "list",
    description: "Secrets from environment variables, one id=ENV per line.",
    action: ["build"],
    cli: ["build"]
  },
  ssh: {
    kind: "lines",
    description: "SSH agent sockets or keys to expose (default|<id>[=<socket>|<key>[,<key>]]), one per line.",
    action: ["build"],
    cli: ["build"]
  },
  "cache-from": {
    kind: "lines",
    description: "Cache sources (--cache-from), one per line.",
    action: ["build"],
    cli: ["build"]
  },
  "cache-to": {
    kind: "lines",
    description: "Cache exports (--cache-to), one per line.",
    action: ["build"],
    cli: ["build"]
  },
  "no-cache": {
    kind: "boolean",
    default: "false",
    description: "Do not use the cache.",
    action: ["build", "bake"],
    cli: ["build", "bake"]
  },
  "no-cache-filters": {
    kind: "list",
    description: "Stages to build without the cache.",
    action: ["build"],
    cli: ["build"]
  },
  pull: {
    kind: "boolean",
    default: "false",
    description: "Always pull referenced images.",
    action: ["build", "bake"],
    cli: ["build", "bake"]
  },
  network: {
    kind: "string",
    description: "Networking mode of RUN instructions.",
    action: ["build"],
    cli: ["build"]
  },
  "add-hosts": {
    kind: "list",
    description: "Custom host-to-IP mappings (host:ip).",
    action: ["build"],
    cli: ["build"]
  },
  allow: {
    kind: "list",
    description: "Extra privileged entitlements (e.g. network.host,security.insecure); for bake, also host folders a target may read outside its workdir (fs.read=DIR, fs=DIR, fs.read=*): secret and ssh sources, local cache-from.",
    action: ["build", "bake"],
    cli: ["build", "bake"]
  },
  "shm-size": {
    kind: "string",
    description: "Size of /dev/shm (e.g. 2g).",
    action: ["build"],
    cli: ["build"]
  },
  ulimit: {
    kind: "lines",
    description: "Ulimit options (e.g. nofile=1024:1024), one per line.",
    action: ["build"],
    cli: ["build"]
  },
  "cgroup-parent": {
    kind: "string",
    description: "Parent cgroup of RUN instructions.",
    action: ["build"],
    cli: ["build"]
  },
  annotations: {
    kind: "lines",
    description: "Annotations for the image, one per line.",
    action: ["build", "merge"],
    cli: ["build", "merge"],
    help: { merge: "an annotation of the index, index:key=value (repeat the flag for several)" }
  },
  "merge-sources": {
    kind: "lines",
    description: "Merge instead of build: image references (name:tag or name@sha256:\u2026), one per line, combined with docker buildx imagetools create into one index pushed to every tags entry; retried like a build and verified (every platform of every source on every tag). No builder is needed.",
    cliInstead: "merging is its own command: run 'buildx-guard merge --sources REF --sources REF --tags REF'",
    action: ["merge"],
    cli: []
  },
  files: {
    kind: "list",
    description: "Bake instead of build: bake files (docker buildx bake --file), one per line or comma-separated; relative to workdir. Any of files, targets, set, workdir or source runs docker buildx bake; the build-only inputs (file, tags, platforms, build-args, \u2026) are then an error: set them in the bake file or with set.",
    action: ["bake"],
    cli: ["bake"]
  },
  targets: {
    kind: "list",
    description: "Bake targets or groups, one per line or comma-separated. Default the bake file's default group.",
    action: ["bake"],
    cli: ["bake"],
    help: "bake targets or groups, comma-separated (or give them as arguments)"
  },
  set: {
    kind: "lines",
    description: "Bake overrides (--set), one target.key=value per line, e.g. *.platform=linux/amd64,linux/arm64.",
    action: ["bake"],
    cli: ["bake"]
  },
  workdir: {
    kind: "string",
    description: "The folder bake runs in; bake files and contexts are relative to it. Default the workspace.",
    action: ["bake"],
    cli: ["bake"]
  },
  source: {
    kind: "string",
    description: "A remote bake definition (a Git URL) instead of the local files. Default the local files in workdir.",
    action: ["bake"],
    cli: ["bake"]
  },
  "bake-isolation": {
    kind: "choice",
    description: "none (default): one docker buildx bake for all targets, as buildx does (the first failure cancels the rest). targets: each target (with the targets it links through target: contexts) runs as its own bake on the same builder, with its own attempts; a failing target never stops the others, and the step fails naming each target that failed.",
    help: "targets: each target its own bake with its own attempts (default none: one bake)",
    action: ["bake"],
    cli: ["bake"]
  },
  "bake-parallelism": {
    kind: "number",
    description: "With bake-isolation targets, how many targets bake at once at most. Default 0, all.",
    help: "with --bake-isolation targets: bakes at once at most (default 0: all)",
    action: ["bake"],
    cli: ["bake"]
  },
  provenance: {
    kind: "string",
    description: "Provenance attestation (--provenance), e.g. mode=max or false.",
    action: ["build", "bake"],
    cli: ["build", "bake"]
  },
  sbom: {
    kind: "string",
    description: "SBOM attestation (--sbom), e.g. true.",
    action: ["build", "bake"],
    cli: ["build", "bake"]
  },
  attests: {
    kind: "lines",
    description: "Attestations (--attest), one per line.",
    action: ["build"],
    cli: ["build"]
  },
  call: {
    kind: "string",
    description: "Evaluate a build method instead of building (build, check, outline, targets).",
    action: ["build"],
    cli: ["build"]
  },
  "github-token": {
    kind: "string",
    default: "${{ github.token }}",
    description: "Token for Git contexts on GitHub, passed as the GIT_AUTH_TOKEN secret.",
    action: ["build", "bake", "merge"],
    cli: ["build", "bake"],
    alwaysSet: true
  },
  "max-attempts": {
    kind: "number",
    default: "3",
    description: "Build attempts at most; only transient failures (transport, registry, crash) are retried.",
    action: RUNS,
    cli: RUNS
  },
  "retry-wait-seconds": {
    kind: "number",
    default: "10",
    description: "First wait before a retry; doubles per retry with full jitter (longer after a registry 429).",
    action: RUNS,
    cli: RUNS
  },
  "retry-max-wait-seconds": {
    kind: "number",
    default: "120",
    description: "Longest wait before a retry.",
    action: RUNS,
    cli: RUNS
  },
  "attempt-timeout-minutes": {
    kind: "number",
    default: "0",
    description: "Stop an attempt after this many minutes and count it as transient (0 = no limit).",
    action: RUNS,
    cli: RUNS
  },
  "stall-timeout-seconds": {
    kind: "number",
    default: "300",
    description: "Seconds without build progress before the nodes are probed: a node that does not answer stops the attempt (transport, the node named) and the retry decides; a node that answers means a quiet step, and the build goes on, unless the step is a push or export waiting on a registry (then the attempt is stopped as registry, retryable; merge-sources likewise). 0 turns the watchdog off.",
    action: ["build", "bake", "merge"],
    cli: ["build", "bake", "merge"]
  },
  "retry-patterns": {
    kind: "lines",
    description: "Extra regular expressions, one per line; a failure whose text matches one is retried.",
    action: RUNS,
    cli: ["build", "bake", "merge", "classify"]
  },
  "max-crash-retries": {
    kind: "number",
    default: "1",
    description: "How many times a buildx/BuildKit crash (panic) is retried.",
    action: RUNS,
    cli: RUNS
  },
  comment: {
    kind: "choice",
    default: "sticky",
    description: "Sticky pull request comment: sticky (create or update one comment), on-failure (only when the build fails, and updated once fixed), or off.",
    action: RUNS,
    cli: []
  },
  summary: {
    kind: "choice",
    default: "full",
    description: "Job summary: full (everything), compact (the verdict, the failure and the top three findings), or off.",
    action: RUNS,
    cli: []
  },
  annotate: {
    kind: "boolean",
    default: "true",
    description: "Annotate the findings in the job log and on the pull request's changed files (true or false; the check run is its own input). Named annotate because annotations is the image's annotations, as in docker/build-push-action.",
    action: RUNS,
    cli: []
  },
  "check-run": {
    kind: "boolean",
    default: "false",
    description: "Also publish a check run with every finding as an annotation on the PR's head commit (needs checks write).",
    action: RUNS,
    cli: []
  },
  "report-key": {
    kind: "string",
    description: "Names this build's sticky comment and check run within the job (letters, digits, _ . / : -). Default: a short hash of what tells matrix legs apart (platforms, target, build-args, tags, bake targets and files), with the commit and run ids taken out so that it stays the same across pushes.",
    action: RUNS,
    cli: []
  },
  "sarif-file": {
    kind: "string",
    description: "Write the findings as SARIF 2.1.0 to this path (for github/codeql-action/upload-sarif).",
    action: RUNS,
    cli: RUNS,
    help: "write the findings as SARIF 2.1.0 here (a path inside the current folder)"
  },
  "fail-on-findings": {
    kind: "choice",
    default: "none",
    description: "Fail the step after reporting when a finding of this build has this severity or worse: none, error, warning. The flake ledger\u2019s flaky-node and flaky-registry (earlier runs\u2019 history) never count.",
    action: RUNS,
    cli: ["build", "bake", "merge", "analyze"],
    help: "exit 1 when a finding has this severity or worse: error, warning, none (default)"
  },
  "context-size-warn-mb": {
    kind: "number",
    default: "50",
    description: "Warn when the build context sent to BuildKit is larger than this many MB.",
    action: ["build", "bake"],
    cli: ["build", "bake", "analyze"]
  },
  baseline: {
    kind: "boolean",
    default: "true",
    description: "Compare with the previous build's baseline (saved with the Actions cache): slower-than-baseline and cache-ratio-drop findings, before/after in the timing chart.",
    action: ["build", "bake"],
    cli: []
  },
  ledger: {
    kind: "string",
    default: "true",
    description: "Keep the flake ledger (docs/ledger.md): every run's failed attempts, nodes down and stalls, per node, category and registry, in the Actions cache beside the baseline (pull requests read it, never write it); the window's table in the summary, flaky-node and flaky-registry findings, the `ledger` output. false: the run neither reads nor appends to it (a ledger already kept stays as it is), and the output is empty.",
    help: {
      build: "a file, not true or false: read this ledger (JSON) and append the run to it; a folder, a missing folder or a ledger it cannot read whole is refused before the build, exit 2 (docs/ledger.md)",
      bake: "a file, as for build"
    },
    action: RUNS,
    cli: ["build", "bake"]
  },
  "regression-threshold": {
    kind: "number",
    default: "25",
    description: "Percent slower than the baseline (and at least 5 s) that counts as a regression.",
    action: ["build", "bake"],
    cli: []
  },
  "cache-mode": {
    kind: "choice",
    default: "none",
    description: "local: keep a buildx type=local build cache in the Actions cache between runs (for drivers that cannot use type=gha; the -new folder rotation keeps it from growing). none: off.",
    action: ["build"],
    cli: []
  },
  // The command line's own flags.
  sources: {
    kind: "lines",
    description: "An image to merge, name:tag or name@sha256:\u2026 (repeat the flag); the action's merge-sources.",
    cli: ["merge"]
  },
  "report-file": {
    kind: "string",
    description: "Write the Markdown report (what the PR comment and summary show) to this file.",
    cli: ["build", "bake", "merge"]
  },
  timings: {
    kind: "boolean",
    description: "Print where the time went, phase by phase (to stderr).",
    cli: ["build", "bake"]
  },
  format: {
    kind: "choice",
    description: "The output format: json, text, markdown, sarif, codequality or junit (analyze); json or text (classify, doctor); text, json or markdown (ledger).",
    help: {
      analyze: "json, text (default), markdown, sarif, codequality or junit (JUnit XML)",
      ledger: "text (default: the tables), json (the `ledger` output) or markdown (the job summary\u2019s tables)",
      classify: 'json (default: one line, {"category","retryable","reason","remedy"}) or text',
      doctor: "text (default: the node table and the checks) or json (the verdict, with every node)"
    },
    cli: ["analyze", "classify", "doctor", "ledger"]
  },
  log: {
    kind: "string",
    description: "The build log: --progress=rawjson or plain, a GitHub raw log, a pasted one (2>&1 of buildx); '-' reads it from stdin.",
    cli: ["analyze"]
  },
  dockerfile: {
    kind: "lines",
    description: "The Dockerfile, to place findings at its lines; for a bake log, TARGET=PATH (repeat the flag for each target).",
    cli: ["analyze"]
  },
  "bake-file": {
    kind: "lines",
    description: "A bake log's bake file (repeat for several): each target's Dockerfile is read from it, resolved by docker buildx bake --print in the current folder.",
    cli: ["analyze"]
  },
  "fail-on-failure": {
    kind: "boolean",
    description: "Exit 1 when the log shows a failed build.",
    cli: ["analyze"]
  },
  "exit-code": {
    kind: "boolean",
    description: "Exit 0 when the failure is transient (worth a retry), 1 when it is not: for shell retry loops.",
    cli: ["classify"]
  },
  debug: {
    kind: "boolean",
    description: "Print stack traces and buildx commands.",
    // `ledger` only reads a file: nothing to debug.
    cli: ["build", "bake", "merge", "doctor", "analyze", "classify"]
  }
};
function input(name) {
  return Object.hasOwn(INPUTS, name) ? INPUTS[name] : void 0;
}
var INPUT_NAMES = Object.keys(INPUTS);
function actionInputs() {
  return INPUT_NAMES.filter((n) => (input(n).action ?? []).length > 0);
}
function takes(adapter, command, name) {
  const d = input(name);
  const list2 = (adapter === "action" ? d?.action : d?.cli) ?? [];
  return list2.includes(command);
}
function isSet(src, name) {
  const v = src(name).trim();
  return v !== "" && v !== (input(name)?.default ?? "");
}
var REFUSED_INPUTS = {
  version: "buildx comes from the runner (the log says which); to pin one, run docker/setup-buildx-action with version before this step and set builder to the builder it created",
  use: "the build always runs on the builder this step created or verified; remove use",
  "keep-state": "cleanup: false keeps the builder and its state; remove keep-state",
  "buildkitd-config": "give the configuration inline with buildkitd-config-inline (or a node's buildkitd-config-inline in nodes)"
};
var MODE_WORDS = {
  build: "when the step builds",
  bake: "when the step bakes (files, targets, set, workdir or source)",
  merge: "when the step merges (merge-sources)",
  setup: "with build: false (the step only sets up and verifies the builder)"
};
var VERBS = {
  build: "builds",
  bake: "bakes",
  merge: "merges",
  setup: "only sets up the builder (build: false)"
};
function refuseUntaken(adapter, command, src) {
  for (const name of INPUT_NAMES) {
    const d = INPUTS[name];
    const list2 = (adapter === "action" ? d.action : d.cli) ?? [];
    if (adapter === "action" && !d.action?.length) continue;
    if (list2.includes(command) || adapter === "action" && d.alwaysSet || !isSet(src, name)) continue;
    if (adapter === "action") {
      throw new UserError(
        `Input '${name}' does nothing ${MODE_WORDS[command]}; remove it (it is taken only when the step ${(d.action ?? []).map((m) => VERBS[m]).join(" or ")}).`,
        name
      );
    }
    const others = (d.cli ?? []).filter((c) => c !== command);
    const where = d.cliInstead ? `: ${d.cliInstead}` : others.length ? `; run ${others.map((c) => `'buildx-guard ${c} --${name}'`).join(" or ")} for it` : d.action?.length ? "; it is an input of the action only (the terminal has no counterpart)" : "";
    throw new UserError(`--${name} is not a flag of 'buildx-guard ${command}'${where}.`, name);
  }
}
function declared(src) {
  return (name) => {
    if (!input(name) && !Object.hasOwn(REFUSED_INPUTS, name))
      throw new Error(`Input '${name}' is read but not declared in src/config/declaration.ts.`);
    return src(name);
  };
}

// src/config/bake.ts
var BAKE_INPUTS = ["files", "targets", "set", "workdir", "source"];
var TARGET_NAME = /^[A-Za-z0-9_-]+$/;
var BAKE_MODE_INPUTS = ["bake-isolation", "bake-parallelism"];
function parseBake(src) {
  const given = BAKE_INPUTS.filter((n) => getString(src, n) !== "");
  if (!given.length) {
    const mode = BAKE_MODE_INPUTS.find((n) => getString(src, n) !== "");
    if (mode) {
      throw new UserError(
        `Input '${mode}' says how to run docker buildx bake, and this step builds: add 'files' or 'targets' to bake, or remove '${mode}'.`,
        mode
      );
    }
    return void 0;
  }
  const set = actionInputs().filter((name) => !takes("action", "bake", name) && isSet(src, name));
  if (set.length) {
    throw new UserError(
      `Input${given.length === 1 ? "" : "s"} ${given.map((n) => `'${n}'`).join(", ")} run${given.length === 1 ? "s" : ""} docker buildx bake, which takes ${set.map((n) => `'${n}'`).join(", ")} from the bake file: remove ${set.length === 1 ? "it" : "them"} and set ${set.length === 1 ? "it" : "them"} in the bake file or with 'set' (e.g. *.platform=linux/amd64,linux/arm64).`,
      set[0]
    );
  }
  const targets = getList(src, "targets");
  const badTarget = targets.find((t) => !TARGET_NAME.test(t));
  if (badTarget) {
    throw new UserError(
      `Input 'targets' lists bake targets or groups (letters, digits, '-' and '_'), one per line or comma-separated; got '${badTarget}'.`,
      "targets"
    );
  }
  const overrides = getList(src, "set", { ignoreComma: true });
  const badSet = overrides.find((s) => !/^[^=\s]+\.[^=\s]+=/.test(s));
  if (badSet) {
    throw new UserError(
      `Each line of input 'set' must be target.key=value (e.g. *.platform=linux/amd64 or app.tags=app:dev); got '${badSet}'.`,
      "set"
    );
  }
  const files = getList(src, "files");
  const bad = files.find((f) => f.startsWith("-"));
  if (bad) throw new UserError(`Input 'files' lists bake files; '${bad}' is not a file name.`, "files");
  const isolation = getChoice(src, "bake-isolation", ["none", "targets"], "none");
  const parallelism = getNumber(src, "bake-parallelism", 0, { max: 64 });
  if (parallelism && isolation !== "targets") {
    throw new UserError(
      `Input 'bake-parallelism' bounds the isolated bakes of 'bake-isolation: targets'; set that too, or remove 'bake-parallelism'.`,
      "bake-parallelism"
    );
  }
  return {
    files,
    targets,
    set: overrides,
    workdir: getString(src, "workdir", "."),
    source: getString(src, "source"),
    isolation,
    parallelism
  };
}
function isRemoteSource(source) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || source.startsWith("git@");
}

// src/config/types.ts
var DRIVERS = ["docker-container", "remote", "kubernetes", "docker"];
var CACHE_MODES = ["none", "local"];
var COMMENT_MODES = ["sticky", "on-failure", "off"];
var SUMMARY_MODES = ["full", "compact", "off"];
var FAIL_ON = ["none", "error", "warning"];

// src/config/build.ts
var CALLS = ["build", "check", "outline", "targets"];
function parseMerge(src, build) {
  const sources = getList(src, "merge-sources", { ignoreComma: true });
  if (!sources.length) return void 0;
  const set = actionInputs().filter(
    (name) => !takes("action", "merge", name) && !input(name)?.alwaysSet && isSet(src, name)
  );
  if (set.length) {
    throw new UserError(
      `Input 'merge-sources' merges existing images instead of building, so ${set.map((n) => `'${n}'`).join(", ")} cannot be set with it; remove ${set.length === 1 ? "it" : "them"}, or split the build and the merge into two steps.`,
      "merge-sources"
    );
  }
  if (!build.tags.length) {
    throw new UserError(
      `Input 'merge-sources' needs 'tags': the image references the merged index is pushed to (e.g. ghcr.io/owner/app:1.2.3).`,
      "tags"
    );
  }
  const bad = sources.find((s) => /\s/.test(s) || s.startsWith("-"));
  if (bad) {
    throw new UserError(
      `Each line of input 'merge-sources' must be one image reference (name:tag or name@sha256:\u2026); got '${bad}'.`,
      "merge-sources"
    );
  }
  return { sources };
}
function parseBuild(src) {
  const list2 = (name) => getList(src, name);
  const lines = (name) => getList(src, name, { ignoreComma: true });
  const build = {
    enabled: getBoolean(src, "build", true),
    context: getString(src, "context", "."),
    file: getString(src, "file"),
    tags: list2("tags"),
    labels: lines("labels"),
    platforms: list2("platforms"),
    push: getBoolean(src, "push", false),
    load: getBoolean(src, "load", false),
    outputs: lines("outputs"),
    target: getString(src, "target"),
    buildArgs: lines("build-args"),
    buildContexts: lines("build-contexts"),
    secrets: lines("secrets"),
    secretFiles: lines("secret-files"),
    secretEnvs: list2("secret-envs"),
    ssh: lines("ssh"),
    cacheFrom: lines("cache-from"),
    cacheTo: lines("cache-to"),
    noCache: getBoolean(src, "no-cache", false),
    noCacheFilters: list2("no-cache-filters"),
    pull: getBoolean(src, "pull", false),
    network: getString(src, "network"),
    addHosts: list2("add-hosts"),
    allow: list2("allow"),
    shmSize: getString(src, "shm-size"),
    ulimit: lines("ulimit"),
    cgroupParent: getString(src, "cgroup-parent"),
    annotations: lines("annotations"),
    provenance: getString(src, "provenance"),
    sbom: getString(src, "sbom"),
    attests: lines("attests"),
    call: getString(src, "call"),
    githubToken: getString(src, "github-token"),
    cacheMode: getChoice(src, "cache-mode", CACHE_MODES, "none")
  };
  if (build.cacheMode === "local" && getChoice(src, "driver", DRIVERS, "docker-container") === "docker") {
    throw new UserError(
      `Input 'cache-mode: local' needs a builder that can export a cache (driver docker-container, remote or kubernetes); the docker driver cannot.`,
      "cache-mode"
    );
  }
  if (build.push && build.load && build.outputs.length) {
    throw new UserError(
      `Inputs 'push', 'load' and 'outputs' cannot all be set; 'outputs' replaces the other two.`,
      "outputs"
    );
  }
  if (build.call && !CALLS.includes(build.call.split(",")[0])) {
    throw new UserError(
      `Input 'call' must be one of ${CALLS.join(", ")} (optionally with ,format=json); got '${build.call}'.`,
      "call"
    );
  }
  for (const [name, values] of [
    ["secrets", build.secrets],
    ["secret-files", build.secretFiles],
    ["secret-envs", build.secretEnvs],
    ["build-args", build.buildArgs],
    ["build-contexts", build.buildContexts]
  ]) {
    const bad = values.findIndex((v) => !/^[^=\s]+=/.test(v));
    if (bad >= 0) {
      const got = name === "secrets" ? `line ${bad + 1}` : `'${values[bad]}'`;
      throw new UserError(`Each line of input '${name}' must be KEY=value; got ${got}.`, name);
    }
  }
  return build;
}

// src/config/builder.ts
var NODE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
var CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]*$/;
var ENDPOINT_SCHEMES = [
  "tcp:",
  "unix:",
  "ssh:",
  "npipe:",
  "docker-container:",
  "kube-pod:",
  "http:",
  "https:"
];
var NODE_KEYS2 = [
  "name",
  "endpoint",
  "platforms",
  "driver-opts",
  "buildkitd-flags",
  "buildkitd-config-inline"
];
function parseBuilder(src, env) {
  const driver = getChoice(src, "driver", DRIVERS, "docker-container");
  const existing = getString(src, "builder");
  if (existing && !NODE_NAME.test(existing)) {
    throw new UserError(
      `Input 'builder' must be the name of an existing builder (letters, digits, '.', '_' or '-', as 'docker buildx ls' lists it); got '${existing}'.`,
      "builder"
    );
  }
  const creates = ["name", "buildkitd-flags", "buildkitd-config-inline"].filter(
    (n) => existing && isSet(src, n)
  );
  if (creates.length) {
    throw new UserError(
      `Input 'builder' uses an existing builder as it is, so ${creates.map((n) => `'${n}'`).join(", ")} (for a builder this step creates) cannot be set with it; remove ${creates.length === 1 ? "it" : "them"}.`,
      creates[0]
    );
  }
  const name = getString(src, "name") || defaultBuilderName(env);
  if (!NODE_NAME.test(name)) {
    throw new UserError(
      `Input 'name' must start with a letter or digit and contain only letters, digits, '.', '_' or '-'; got '${name}'.`,
      "name"
    );
  }
  const nodes = parseNodes(src, name, driver);
  if (existing && nodes.some((n) => n.endpoint || n.driverOpts.length)) {
    throw new UserError(
      `Input 'builder' uses an existing builder, so 'nodes', 'endpoint' and 'driver-opts' cannot be set with it; remove one or the other.`,
      "builder"
    );
  }
  if (!getString(src, "driver") && nodes.some((n) => n.endpoint.startsWith("tcp://"))) {
    throw new UserError(
      `Nodes with tcp:// endpoints need input 'driver' set: 'remote' for BuildKit daemons (buildkitd --addr tcp://\u2026), or 'docker-container' if the endpoints are Docker daemons.`,
      "driver"
    );
  }
  if (driver === "remote" && !existing) {
    const missing = nodes.find((n) => !n.endpoint);
    if (missing) {
      throw new UserError(
        `The remote driver needs an endpoint for node '${missing.name}'; set 'endpoint' (e.g. tcp://buildkitd:1234) or the node's 'endpoint' in 'nodes'.`,
        "endpoint"
      );
    }
  }
  if (driver === "docker" && nodes.length > 1) {
    throw new UserError(
      `The docker driver has exactly one node; use driver 'remote' or 'docker-container' for 'nodes'.`,
      "nodes"
    );
  }
  return {
    driver,
    name,
    nameGiven: !!getString(src, "name"),
    generatedNodeNames: getString(src, "name") ? [] : nodes.filter((n, i) => n.name === `${name}${i}`).map((n) => n.name),
    existing,
    nodes,
    bootstrapTimeoutSeconds: getNumber(src, "bootstrap-timeout", 120, { min: 1, max: 3600 }),
    bootstrapRetries: getNumber(src, "bootstrap-retries", 2, { min: 0, max: 10 }),
    cleanup: getBoolean(src, "cleanup", true)
  };
}
function defaultBuilderName(env) {
  const parts = ["buildx-guard", env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT, env.GITHUB_JOB].filter((p) => !!p).map((p) => p.replace(/[^a-zA-Z0-9_.-]/g, "-"));
  parts.push(Math.random().toString(36).slice(2, 8));
  return parts.join("-");
}
function parseNodes(src, builderName, driver) {
  const single = {
    name: `${builderName}0`,
    endpoint: getString(src, "endpoint"),
    platforms: [],
    driverOpts: getList(src, "driver-opts", { ignoreComma: true }),
    buildkitdFlags: getString(src, "buildkitd-flags"),
    buildkitdConfigInline: src("buildkitd-config-inline")
  };
  const raw = getYaml(src, "nodes");
  if (raw === void 0 || raw === null) {
    validateEndpoint(single.endpoint, "endpoint", driver);
    return [single];
  }
  if (single.endpoint || single.driverOpts.length) {
    throw new UserError(
      `Set either 'nodes' or the single-node inputs 'endpoint'/'driver-opts', not both; move them into the first item of 'nodes'.`,
      "nodes"
    );
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new UserError(
      `Input 'nodes' must be a YAML list of nodes (each with 'name' and 'endpoint').`,
      "nodes"
    );
  }
  const seen = /* @__PURE__ */ new Set();
  return raw.map((item, i) => {
    const where = `Item ${i + 1} of input 'nodes'`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw new UserError(`${where} must be a mapping with 'name' and 'endpoint'.`, "nodes");
    }
    const obj = item;
    const unknownKey = Object.keys(obj).find((k) => !NODE_KEYS2.includes(k));
    if (unknownKey) {
      throw new UserError(
        `${where} has unknown key '${unknownKey}'; allowed keys: ${NODE_KEYS2.join(", ")}.`,
        "nodes"
      );
    }
    const node = {
      name: scalar(obj.name, `${where}: 'name'`) || `${builderName}${i}`,
      endpoint: scalar(obj.endpoint, `${where}: 'endpoint'`),
      platforms: stringList(obj.platforms, `${where}: 'platforms'`),
      driverOpts: stringList(obj["driver-opts"], `${where}: 'driver-opts'`, true),
      buildkitdFlags: scalar(obj["buildkitd-flags"], `${where}: 'buildkitd-flags'`),
      buildkitdConfigInline: scalar(obj["buildkitd-config-inline"], `${where}: 'buildkitd-config-inline'`)
    };
    if (!NODE_NAME.test(node.name)) {
      throw new UserError(
        `${where} has an invalid name '${node.name}': use letters, digits, '.', '_' or '-'.`,
        "nodes"
      );
    }
    if (seen.has(node.name)) {
      throw new UserError(
        `Input 'nodes' names node '${node.name}' twice; node names must be unique.`,
        "nodes"
      );
    }
    seen.add(node.name);
    validateEndpoint(node.endpoint, `nodes[${i}].endpoint`, driver);
    return node;
  });
}
function scalar(v, what2) {
  if (v === void 0 || v === null) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  throw new UserError(`${what2} must be a single value, not a list or mapping.`, "nodes");
}
function stringList(v, what2, ignoreComma = false) {
  if (v === void 0 || v === null) return [];
  if (Array.isArray(v)) return v.map((x) => scalar(x, what2).trim()).filter((x) => x !== "");
  return splitList(scalar(v, what2), { ignoreComma });
}
function validateEndpoint(endpoint, input2, driver) {
  if (endpoint === "") return;
  if (endpoint.includes("://")) {
    let url;
    try {
      url = new URL(endpoint);
    } catch {
      url = void 0;
    }
    if (url && ENDPOINT_SCHEMES.includes(url.protocol)) {
      if (url.protocol === "tcp:" && (!url.hostname || !url.port)) {
        throw new UserError(
          `Endpoint '${endpoint}' (${input2}) needs a host and a port, e.g. tcp://buildkitd:1234.`,
          input2
        );
      }
      if (url.protocol === "tcp:" && (url.pathname && url.pathname !== "/" || url.search || url.hash)) {
        throw new UserError(
          `Endpoint '${endpoint}' (${input2}) has a path; a tcp endpoint is only host and port, e.g. tcp://${url.host}.`,
          input2
        );
      }
      return;
    }
    throw new UserError(
      `Endpoint '${endpoint}' (${input2}) is not a valid URL; use tcp://host:port, unix:///path, ssh://user@host, docker-container://name, kube-pod://name or a Docker context name.`,
      input2
    );
  }
  if (driver === "remote" || !CONTEXT_NAME.test(endpoint)) {
    throw new UserError(
      `Endpoint '${endpoint}' (${input2}) is neither a URL nor a Docker context name${driver === "remote" ? " usable by the remote driver, which needs a URL such as tcp://host:port" : ""}.`,
      input2
    );
  }
}

// src/config/regex-shape.ts
var NONE = /* @__PURE__ */ new Set();
var simple = (chars) => ({ chars, min: 1, max: 1, head: NONE, tail: NONE });
var zeroWidth = () => ({ chars: NONE, min: 0, max: 0, head: NONE, tail: NONE });
function loops(alts, end) {
  const out = /* @__PURE__ */ new Set();
  for (const seq of alts) {
    const items = end === "head" ? seq : [...seq].reverse();
    for (const it of items) {
      for (const c of it[end]) out.add(c);
      if (it.min > 0) break;
    }
  }
  return out;
}
var ALPHABET = [...Array.from({ length: 128 }, (_, i) => i), 160, 233, 8232, 19968, 128512];
function setOf(test) {
  return new Set(ALPHABET.filter((c) => test(String.fromCodePoint(c))));
}
var ESCAPE_CLASS = {
  d: /\d/,
  D: /\D/,
  w: /\w/,
  W: /\W/,
  s: /\s/,
  S: /\S/
};
var Parser = class {
  constructor(src, flags, polynomial = false) {
    this.src = src;
    this.flags = flags;
    this.polynomial = polynomial;
  }
  src;
  flags;
  polynomial;
  i = 0;
  problem;
  fail(problem) {
    this.problem ??= problem;
    throw new Error(problem);
  }
  /** Alternatives of a sequence, up to `)` or the end. Returns items per alternative. */
  alternatives() {
    const alts = [[]];
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (c === ")") break;
      if (c === "|") {
        this.i++;
        alts.push([]);
        continue;
      }
      const item = this.atom();
      if (item) {
        this.quantifier(item);
        alts[alts.length - 1].push(item);
      }
    }
    for (const seq of alts) this.checkSequence(seq);
    return alts;
  }
  /** One atom; undefined for a zero-width assertion that takes no quantifier here. */
  atom() {
    const c = this.src[this.i++];
    const dotAll = this.flags.includes("s");
    if (c === "^" || c === "$") return zeroWidth();
    if (c === ".") return simple(setOf((ch) => dotAll || !/[\n\r\u2028\u2029]/.test(ch)));
    if (c === "[") return simple(this.charClass());
    if (c === "(") return this.group();
    if (c === "\\") return this.escape(false);
    return simple(/* @__PURE__ */ new Set([c.codePointAt(0)]));
  }
  group() {
    let lookaround = false;
    if (this.src.startsWith("?:", this.i)) this.i += 2;
    else if (/^\?<?[=!]/.test(this.src.slice(this.i, this.i + 3))) {
      lookaround = true;
      this.i += this.src[this.i + 1] === "<" ? 3 : 2;
    } else if (this.src.startsWith("?<", this.i)) this.i = this.src.indexOf(">", this.i) + 1;
    const start = this.i;
    const alts = this.alternatives();
    if (this.src[this.i] !== ")") this.fail("an unbalanced parenthesis");
    const body = this.src.slice(start, this.i);
    this.i++;
    const items = alts.flat();
    const chars = /* @__PURE__ */ new Set();
    for (const it of items) for (const ch of it.chars) chars.add(ch);
    const complex = alts.length > 1 || items.some((it) => it.max > 1 || it.complex);
    if (lookaround) return { ...zeroWidth(), complex: complex || body === "" };
    return {
      head: loops(alts, "head"),
      tail: loops(alts, "tail"),
      chars,
      min: Math.min(...alts.map((a) => a.reduce((s, it) => s + it.min, 0))),
      max: alts.some((a) => a.some((it) => it.max === Infinity)) ? Infinity : Math.max(...alts.map((a) => a.reduce((s, it) => s + it.max, 0))),
      complex
    };
  }
  escape(inClass) {
    const c = this.src[this.i++];
    if (c === void 0) this.fail("a trailing backslash");
    if (!inClass && (/[1-9]/.test(c) || c === "k")) this.fail("a backreference");
    if (!inClass && (c === "b" || c === "B")) return zeroWidth();
    if (ESCAPE_CLASS[c]) return simple(setOf((ch) => ESCAPE_CLASS[c].test(ch)));
    const control = { n: "\n", r: "\r", t: "	", f: "\f", v: "\v", "0": "\0" };
    if (control[c]) return simple(/* @__PURE__ */ new Set([control[c].codePointAt(0)]));
    if (c === "x" || c === "u") {
      const m = this.src.slice(this.i).match(c === "x" ? /^[0-9a-fA-F]{2}/ : /^\{[0-9a-fA-F]+\}|^[0-9a-fA-F]{4}/);
      if (m) {
        this.i += m[0].length;
        return simple(/* @__PURE__ */ new Set([parseInt(m[0].replace(/[{}]/g, ""), 16)]));
      }
    }
    if (c === "p" || c === "P") {
      if (this.src[this.i] === "{") this.i = this.src.indexOf("}", this.i) + 1;
      return simple(new Set(ALPHABET));
    }
    return simple(/* @__PURE__ */ new Set([c.codePointAt(0)]));
  }
  charClass() {
    const negated = this.src[this.i] === "^";
    if (negated) this.i++;
    const chars = /* @__PURE__ */ new Set();
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== "]" || first)) {
      first = false;
      let from;
      if (this.src[this.i] === "\\") {
        this.i++;
        from = this.escape(true).chars;
      } else from = /* @__PURE__ */ new Set([this.src.codePointAt(this.i++)]);
      if (this.src[this.i] === "-" && this.src[this.i + 1] !== "]" && from.size === 1) {
        this.i++;
        let to;
        if (this.src[this.i] === "\\") {
          this.i++;
          to = [...this.escape(true).chars][0] ?? 0;
        } else to = this.src.codePointAt(this.i++);
        const lo = [...from][0];
        for (const c of ALPHABET) if (c >= lo && c <= to) chars.add(c);
        continue;
      }
      for (const c of from) chars.add(c);
    }
    if (this.src[this.i] !== "]") this.fail("an unterminated character class");
    this.i++;
    return negated ? new Set(ALPHABET.filter((c) => !chars.has(c))) : chars;
  }
  quantifier(item) {
    const rest = this.src.slice(this.i, this.i + 24);
    const m = rest.match(/^(?:([*+?])|\{(\d+)(,(\d*))?\})(\??)/);
    if (!m) return;
    this.i += m[0].length;
    let min;
    let max;
    if (m[1]) [min, max] = m[1] === "*" ? [0, Infinity] : m[1] === "+" ? [1, Infinity] : [0, 1];
    else {
      min = Number(m[2]);
      max = m[3] === void 0 ? min : m[4] ? Number(m[4]) : Infinity;
    }
    if (item.complex && max > 1) this.fail("a quantified group that holds a quantifier or an alternation");
    item.min *= min;
    if (max === Infinity && item.max > 0) item.head = item.tail = item.chars;
    item.max = item.max === 0 ? 0 : max === Infinity || item.max === Infinity ? Infinity : item.max * max;
  }
  /**
   * A loop at the end of one item and a loop at the start of a later one over overlapping
   * characters, with only optional items between them (`\s*:?\s*`).
   */
  checkSequence(seq) {
    for (let a = 0; a < seq.length; a++) {
      const tail = seq[a].tail;
      if (!tail.size) continue;
      for (let b = a + 1; b < seq.length; b++) {
        const it = seq[b];
        if ([...it.head].some((c) => tail.has(c)))
          this.fail("two unbounded quantifiers in a row over the same characters");
        if (it.min > 0 && !(this.polynomial && [...it.chars].some((c) => tail.has(c)))) break;
      }
    }
  }
};
function catastrophicShape(source, flags = "", opts = {}) {
  const p = new Parser(source, flags, opts.polynomial);
  try {
    p.alternatives();
    if (p.i < source.length) p.fail("an unbalanced parenthesis");
  } catch {
    return { problem: p.problem ?? "a shape this check cannot read" };
  }
  return void 0;
}

// src/config/config.ts
function sarifPath(value, env, cwd = process.cwd()) {
  if (!value) return "";
  const roots = [env.GITHUB_WORKSPACE || cwd, env.RUNNER_TEMP].filter((r) => !!r).map(realPath);
  const abs = resolve(env.GITHUB_WORKSPACE || cwd, value);
  const parent = realPath(dirname2(abs));
  const path = join5(parent, basename2(abs));
  if (!insideAny(path, roots)) {
    throw new UserError(
      `Input 'sarif-file' must be a path inside the workspace or RUNNER_TEMP (e.g. buildx-guard.sarif); got '${value}'.`,
      "sarif-file"
    );
  }
  return path;
}
function parseConfig(given, env = process.env) {
  const src = declared(given);
  for (const [name, instead] of Object.entries(REFUSED_INPUTS)) {
    if (getString(src, name))
      throw new UserError(
        `Input '${name}' is docker/setup-buildx-action's and is not an input of buildx-guard: ${instead}.`,
        name
      );
  }
  const build = parseBuild(src);
  const bake = parseBake(src);
  const merge2 = bake ? void 0 : parseMerge(src, build);
  refuseUntaken("action", merge2 ? "merge" : !build.enabled ? "setup" : bake ? "bake" : "build", src);
  return {
    builder: parseBuilder(src, env),
    build,
    ...bake ? { bake } : {},
    ...merge2 ? { merge: merge2 } : {},
    retry: parseRetry(src),
    report: {
      comment: getChoice(src, "comment", COMMENT_MODES, "sticky"),
      checkRun: getBoolean(src, "check-run", false),
      summary: getChoice(src, "summary", SUMMARY_MODES, "full"),
      annotations: getBoolean(src, "annotate", true),
      sarifFile: sarifPath(getString(src, "sarif-file"), env),
      failOnFindings: getChoice(src, "fail-on-findings", FAIL_ON, "none"),
      contextSizeWarnMb: getNumber(src, "context-size-warn-mb", 50, { min: 0, max: 1e6 }),
      baseline: getBoolean(src, "baseline", true),
      ledger: getBoolean(src, "ledger", true),
      regressionThreshold: getNumber(src, "regression-threshold", 25, {
        min: 0,
        max: 1e4,
        integer: false
      }),
      key: reportKeyInput(getString(src, "report-key"))
    },
    debug: env.RUNNER_DEBUG === "1" || getBoolean(src, "debug", false)
  };
}
function parseRetry(src) {
  const patterns = getList(src, "retry-patterns", { ignoreComma: true }).map((p) => {
    let re;
    try {
      re = new RegExp(p, "m");
    } catch (e) {
      throw new UserError(
        `Input 'retry-patterns' has an invalid regular expression '${p}': ${e.message}.`,
        "retry-patterns"
      );
    }
    const shape = catastrophicShape(p, "m", { polynomial: true });
    if (shape) {
      throw new UserError(
        `Input 'retry-patterns' has a regular expression whose matching can take exponential or polynomial time, '${p}' (${shape.problem}): rewrite it without nested or overlapping quantifiers and backreferences, e.g. 'a+' instead of '(a+)+', 'x[^y]*y' instead of '.*x.*y'.`,
        "retry-patterns"
      );
    }
    return re;
  });
  const waitSeconds = getNumber(src, "retry-wait-seconds", 10, { min: 0, max: 3600 });
  const maxWaitSeconds = getNumber(src, "retry-max-wait-seconds", 120, { min: 0, max: 3600 });
  if (maxWaitSeconds < waitSeconds) {
    throw new UserError(
      `Input 'retry-max-wait-seconds' (${maxWaitSeconds}) must not be below 'retry-wait-seconds' (${waitSeconds}).`,
      "retry-max-wait-seconds"
    );
  }
  return {
    maxAttempts: getNumber(src, "max-attempts", 3, { min: 1, max: 20 }),
    waitSeconds,
    maxWaitSeconds,
    attemptTimeoutMinutes: getNumber(src, "attempt-timeout-minutes", 0, {
      min: 0,
      max: 24 * 60,
      integer: false
    }),
    stallTimeoutSeconds: getNumber(src, "stall-timeout-seconds", 300, { min: 0, max: 24 * 3600 }),
    patterns,
    maxCrashRetries: getNumber(src, "max-crash-retries", 1, { min: 0, max: 10 })
  };
}
function reportKeyInput(key) {
  if (key && !/^[A-Za-z0-9_./:-]{1,64}$/.test(key))
    throw new UserError(
      `report-key may have 1 to 64 letters, digits and _ . / : - (got '${key.slice(0, 80)}'), e.g. report-key: \${{ matrix.name }}.`
    );
  return key;
}

// src/attempts/bake-reads.ts
import { resolve as resolve2 } from "node:path";
var DEFAULT_BAKE_FILES = [
  "compose.yaml",
  "compose.yml",
  "docker-compose.yml",
  "docker-compose.yaml",
  "docker-bake.json",
  "docker-bake.hcl",
  "docker-bake.override.json",
  "docker-bake.override.hcl",
  "compose.override.yml",
  "compose.override.yaml",
  "docker-compose.override.yml",
  "docker-compose.override.yaml"
];
function sourcesOf(entry, keys) {
  if (typeof entry === "string") {
    const fields = entry.split(",").map((f) => f.split("="));
    const local = !fields.some(([k, v]) => k === "type" && v !== "local" && v !== "file");
    return local ? fields.filter(([k, v]) => keys.includes(k) && v).map(([, v]) => v) : [];
  }
  if (!entry || typeof entry !== "object") return [];
  const o = entry;
  if (typeof o.type === "string" && o.type !== "local" && o.type !== "file") return [];
  return keys.flatMap((k) => {
    const v = o[k];
    return typeof v === "string" && v ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
  });
}
function checkHostReads(printed, cwd, allow) {
  const granted = allow.flatMap((a) => a.split(",")).map((a) => a.match(/^fs(?:\.read)?=(.+)$/)?.[1]).filter((d) => !!d);
  if (granted.includes("*")) return;
  const roots = [cwd, ...granted].map((d) => realPath(resolve2(cwd, d)));
  for (const [name, t] of Object.entries(printed.target ?? {})) {
    const arr = (k) => Array.isArray(t[k]) ? t[k] : [];
    const reads = [
      ...arr("secret").flatMap((e) => sourcesOf(e, ["src", "source"]).map((p) => [p, "secret"])),
      ...arr("ssh").flatMap((e) => sourcesOf(e, ["paths"]).map((p) => [p, "ssh"])),
      ...arr("cache-from").flatMap(
        (e) => typeof e === "string" && !e.includes("type=local") ? [] : sourcesOf(e, ["src"]).map((p) => [p, "cache-from"])
      )
    ];
    for (const [path, what2] of reads) {
      const abs = realPath(resolve2(cwd, path));
      if (!insideAny(abs, roots)) {
        throw new UserError(
          `Bake target '${name}' reads '${path}' (${what2}) outside the folder bake runs in; a bake file reads only its own folder unless input 'allow' grants it (fs.read=${path}).`,
          "allow"
        );
      }
    }
  }
}

// src/trace/query.ts
var CANCELED = /\bcontext canceled\b|\bcanceled\b/i;
var NON_FATAL_STEP = /^importing cache manifest from /;
function fatalError(s) {
  return !!s.error && !NON_FATAL_STEP.test(s.name);
}
function traceStatus(trace) {
  if (trace.binary && trace.format === "unknown") return "unknown";
  if (trace.error || trace.crashed || trace.steps.some(fatalError) || (trace.check?.warnings ?? 0) > 0)
    return "failed";
  if (trace.check) return "success";
  if (trace.steps.length === 0) return "unknown";
  const unfinished = trace.steps.some((s) => !s.done && !s.cached && !s.internal && trace.format !== "tty");
  return unfinished ? "unknown" : "success";
}
function cancelledStep(s) {
  return !!s.canceled || CANCELED.test(s.error ?? "");
}
function failingStep(trace) {
  const failed2 = trace.steps.filter(fatalError);
  return failed2.find((s) => !s.internal && !CANCELED.test(s.error)) ?? failed2.find((s) => !CANCELED.test(s.error)) ?? (trace.error && !CANCELED.test(trace.error) ? void 0 : failed2[0]);
}
function failureText(trace, stderrTail = "") {
  const step = failingStep(trace);
  const parts = step ? [`#${step.number} ${step.name}`, ...step.logTail.map((l) => `#${step.number} ${l}`)] : [];
  parts.push(...trace.tail.filter((l) => !/^(?:ERROR|Error|error): /.test(l)));
  const error = trace.error ?? step?.error;
  if (error) parts.push(`ERROR: ${error}`);
  else if (trace.check?.warnings)
    parts.push(`ERROR: Check complete, ${trace.check.warnings} warnings have been found!`);
  if (!error && !step && stderrTail) parts.push(stderrTail);
  return parts.join("\n");
}
function failureHints(trace) {
  const step = failingStep(trace);
  if (step) return { vertex: step.name.slice(0, 300), ...step.error ? { vertexError: step.error } : {} };
  const last = trace.steps.at(-1);
  return last ? { lastVertex: last.name.slice(0, 300) } : {};
}

// src/attempts/bake.ts
function selection(bake) {
  const local = !bake.source || bake.source === ".";
  return [
    ...local ? [] : [bake.source],
    ...bake.files.flatMap((f) => ["--file", f]),
    ...bake.set.flatMap((s) => ["--set", s]),
    ...bake.targets
  ];
}
function bakeEnv(bake, token, serverUrl) {
  return token && isRemoteSource(bake.source) && gitTokenId(bake.source, serverUrl) ? { BUILDX_BAKE_GIT_AUTH_TOKEN: token } : {};
}
async function resolveBake(bake, buildx, opts = {}) {
  const cwd = resolve3(opts.cwd ?? process.cwd(), bake.workdir);
  const env = bakeEnv(bake, opts.token ?? "", process.env.GITHUB_SERVER_URL);
  if (!existsSync2(cwd) || !statSync(cwd).isDirectory()) {
    throw new UserError(
      `Input 'workdir' (${bake.workdir}) is not a folder of this workspace; check out the code first or fix the path.`,
      "workdir"
    );
  }
  const remote = isRemoteSource(bake.source);
  if (!remote) {
    const missing = bake.files.find((f) => !existsSync2(resolve3(cwd, f)));
    if (missing) {
      throw new UserError(
        `Bake file '${missing}' (input 'files') does not exist in ${bake.workdir === "." ? "the workspace" : `'${bake.workdir}'`}.`,
        "files"
      );
    }
    const read = bake.files.length ? bake.files : DEFAULT_BAKE_FILES.filter((f) => existsSync2(resolve3(cwd, f)));
    for (const f of read) checkReadable(resolve3(cwd, f), "bake-file");
  }
  const r = await buildx.buildx(["bake", "--print", "--progress=quiet", ...selection(bake)], {
    cwd,
    timeoutMs: 12e4,
    env
  });
  if (r.code !== 0) {
    const why = r.stderr.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")).pop()?.replace(/^ERROR:\s*/, "") ?? `buildx exited ${r.code}`;
    throw new UserError(
      `The bake definition could not be read (${bake.files.length ? bake.files.join(", ") : "the default bake files"}${bake.targets.length ? `, targets ${bake.targets.join(", ")}` : ""}): ${why}.`,
      bake.files.length ? "files" : "targets"
    );
  }
  let definition;
  try {
    definition = definitionOf(JSON.parse(r.stdout), cwd);
  } catch {
    throw new Error(`docker buildx bake --print did not print JSON: ${r.stdout.slice(0, 200)}`);
  }
  for (const t of definition.targets) if (t.dockerfile) checkReadable(t.dockerfile, "dockerfile");
  if (opts.allow) checkHostReads(JSON.parse(r.stdout), cwd, opts.allow);
  return { ...definition, env };
}
function definitionOf(printed, cwd) {
  const targets = Object.entries(printed.target ?? {}).map(([name, t]) => describeTarget(name, t, cwd));
  const asked = printed.group?.default?.targets?.filter((n) => targets.some((t) => t.name === n));
  return { cwd, targets, ...asked?.length ? { requested: asked } : {} };
}
function bakeUnits(def) {
  const byName = new Map(def.targets.map((t) => [t.name, t]));
  const root = /* @__PURE__ */ new Map();
  const find = (n) => {
    let r = n;
    while (root.get(r) !== void 0 && root.get(r) !== r) r = root.get(r);
    root.set(n, r);
    return r;
  };
  for (const t of def.targets) root.set(t.name, t.name);
  for (const t of def.targets) {
    for (const l of t.links ?? []) if (byName.has(l)) root.set(find(l), find(t.name));
  }
  const requested = def.requested ?? def.targets.map((t) => t.name);
  const units = /* @__PURE__ */ new Map();
  for (const t of def.targets) {
    const r = find(t.name);
    const u = units.get(r) ?? { name: "", requested: [], targets: [] };
    u.targets.push(t);
    if (requested.includes(t.name)) u.requested.push(t.name);
    units.set(r, u);
  }
  return [...units.values()].filter((u) => u.requested.length).map((u) => ({ ...u, name: u.requested[0] }));
}
function describeTarget(name, t, cwd) {
  const links = Object.values(t.contexts ?? {}).filter((v) => v.startsWith("target:")).map((v) => v.slice("target:".length));
  return { ...describeBuild(name, t, cwd), ...links.length ? { links } : {} };
}
function describeBuild(name, t, cwd) {
  const platforms = (t.platforms ?? []).flatMap((p) => p.split(",")).map((p) => p.trim());
  const ctx = (t.context ?? ".").replace(/^cwd:\/\//, "");
  if (isRemoteSource(ctx) || ctx === "-") return { name, platforms };
  const context = isAbsolute(ctx) ? ctx : join6(cwd, ctx);
  if (t["dockerfile-inline"] !== void 0) return { name, context, platforms };
  const file = (t.dockerfile ?? "Dockerfile").replace(/^cwd:\/\//, "");
  const dockerfile = isAbsolute(file) ? file : join6(context, file);
  return { name, context, platforms, ...existsSync2(dockerfile) ? { dockerfile } : {} };
}
function bakeArgs(bake, b, f) {
  const args = ["bake", "--builder", f.builder, "--progress=rawjson", "--metadata-file", f.metadataFile];
  if (b.push) args.push("--push");
  if (b.load) args.push("--load");
  if (b.noCache) args.push("--no-cache");
  if (b.pull) args.push("--pull");
  if (b.provenance) args.push(`--provenance=${b.provenance}`);
  if (b.sbom) args.push(`--sbom=${b.sbom}`);
  if (b.allow.length) args.push("--allow", b.allow.join(","));
  return [...args, ...selection(bake)];
}
function targetResults(names, metadata, outcome) {
  const parsed = parseMetadata(metadata);
  return names.map((name) => {
    const m = parsed[name] ?? {};
    const status = outcome.success ? "success" : outcome.failedTargets.includes(name) ? "failed" : parsed[name] || outcome.builtTargets.includes(name) ? "success" : "cancelled";
    return {
      name,
      status,
      digest: String(m["containerimage.digest"] ?? ""),
      imageid: String(m["containerimage.config.digest"] ?? "")
    };
  });
}
function bakeResult(metadataFile, names, success, trace) {
  const metadata = readMetadata(metadataFile);
  const failedTargets = trace ? failedTargetsOf(trace) : [];
  const builtTargets = trace ? builtTargetsOf(trace) : [];
  const targets = targetResults(names, metadata, { success, failedTargets, builtTargets });
  const one = targets.length === 1 && targets[0].status === "success" ? targets[0] : void 0;
  return { metadata, targets, digest: one?.digest ?? "", imageid: one?.imageid ?? "" };
}
function failedTargetsOf(trace) {
  const out = new Set(trace.errorTarget ? [trace.errorTarget] : []);
  for (const s of trace.steps) if (s.target && s.error && !cancelledStep(s)) out.add(s.target);
  return [...out];
}
function builtTargetsOf(trace) {
  const seen = /* @__PURE__ */ new Map();
  for (const s of trace.steps) {
    if (!s.target) continue;
    seen.set(s.target, (seen.get(s.target) ?? true) && !!s.done && !s.error && !s.canceled);
  }
  return [...seen].filter(([, built]) => built).map(([t]) => t);
}

// src/attempts/attempt.ts
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";

// src/trace/final-line.ts
var WRAPPER = /^(?:Error: )?buildx(?: bake)? failed with: (.*)$/;
var EXIT_STATUS_ONLY = /^.{0,200}\b(?:failed with exit code|exited with (?:exit )?(?:code|status)) \d+\.?$/;
function readFinalLine(line) {
  if (line.startsWith("##[error]")) return readFinalLine(line.slice(9)) ?? { text: line.slice(9), rank: 2 };
  const wrapped2 = line.match(WRAPPER);
  if (wrapped2) {
    const inner = readFinalLine(wrapped2[1]);
    return { ...inner ?? { text: wrapped2[1] }, rank: 2 };
  }
  const exit = line.match(/^Error: Process completed with exit code (\d+)\.?$/);
  if (exit) return exit[1] === "0" ? void 0 : { text: `the process exited with code ${exit[1]}`, rank: 1 };
  const target = line.match(/^ERROR: target ([^\s:]+): (.*)$/);
  if (target) return { text: target[2], rank: 3, target: target[1] };
  const compose = line.match(/^ERROR: Service '([^']+)' failed to build(.*)$/);
  if (compose) {
    const rest = compose[2].replace(/^[\s:]+/, "");
    return { text: rest || `service '${compose[1]}' failed to build`, rank: 2 };
  }
  const prefixed = line.match(/^(?:ERROR|Error|error): (.*)$/);
  if (prefixed)
    return {
      text: prefixed[1],
      rank: prefixed[1].includes(" with ") && EXIT_STATUS_ONLY.test(prefixed[1]) ? 1 : 3
    };
  if (/^failed to (?:solve|build)(?: with frontend [\w.]+)?: /.test(line) || // compose prints the lost status stream bare, as its last line.
  /^failed to (?:receive|get) status: rpc error: /.test(line) || // The docker CLI of Docker 20.10 prints the solve's error bare after the summary: a failed RUN
  // (`executor failed running [...]`) or a COPY source missing (`failed to compute cache key: `).
  /^(?:executor failed running \[|failed to compute cache key: )/.test(line) || /^The command '.*' returned a non-zero code: \d+/.test(line) || /^(?:COPY|ADD) failed: /.test(line) || /^Error response from daemon: /.test(line) || /^unable to prepare context: /.test(line)) {
    return { text: line, rank: 3 };
  }
  return void 0;
}

// src/trace/closing.ts
var MAX_LINE = 4e3;
var MAX_WARNINGS = 500;
var TAIL_LINES = 40;
var EXCERPT_LINES = 40;
function clip(s) {
  if (s.length <= MAX_LINE) return s;
  const head = MAX_LINE / 2;
  return `${s.slice(0, head)}\u2026${s.slice(s.length - (MAX_LINE - head - 1))}`;
}
var MAX_JOIN = 8;
var CONTINUATION_STOP = /^(?:#\d|ERROR|Error|error|WARN|INFO|DEBUG|-{3}|\d{1,7} \||\d{1,6}\.\d{1,6} |>|=>|\[|\S{0,200}Dockerfile|panic|fatal error|goroutine|View build details|errors:|\w{1,40}:$)/;
var EXCERPT_HEADER = /^(\S*(?:Dockerfile|Containerfile)\S*|\S+\.[Dd]ockerfile):(\d+)$/;
var ClosingText = class {
  /** `onSummaryLog(step, line)`: a log line the failure summary repeats (or only it shows). */
  constructor(onSummaryLog) {
    this.onSummaryLog = onSummaryLog;
  }
  onSummaryLog;
  tail = [];
  excerpt;
  error;
  crashed = false;
  warnings = [];
  /** `--call=check`'s verdict: how many warnings it reported. */
  check;
  /** Inside a `------` failure summary: its step's name once the ` > name:` line was read. */
  inSummary = false;
  summaryStep;
  /** 0: no excerpt, 1: header seen, 2: inside the dashes. */
  inExcerpt = 0;
  /** The excerpt being read belongs to a warning (`--call=check`), not to the failure. */
  excerptOf;
  inWarningList = false;
  checkWarning;
  /**
   * Whether `line` belongs to a `------` failure summary. buildx opens one with ` > step:`; a
   * `------` followed by anything else was a poster's or a tool's rule around the log, and the
   * progress after it is read as progress.
   */
  holds(line) {
    if (!this.inSummary) return false;
    if (this.summaryStep !== void 0 || line === "" || /^-{6}$/.test(line) || /^> .*:$/.test(line))
      return true;
    this.inSummary = false;
    return false;
  }
  /** Reads one normalized line (the tail keeps it for the failure's text); false if it meant nothing. */
  push(line) {
    this.tail.push(clip(line));
    if (this.tail.length > TAIL_LINES) this.tail.shift();
    if (this.continues(line)) return true;
    if (this.excerptLine(line)) return true;
    if (/^-{6}$/.test(line)) {
      this.inSummary = !this.inSummary;
      this.summaryStep = void 0;
      return true;
    }
    if (this.inSummary && this.summaryLine(line)) return true;
    if (this.warningLine(line)) return true;
    if (/^(?:panic|fatal error): /.test(line)) {
      this.crashed = true;
      return true;
    }
    const final = readFinalLine(line);
    if (!final) return this.inSummary || /^(?:WARNING|WARN|goroutine) /.test(line);
    if (!this.error || final.rank >= this.error.rank) {
      this.error = { ...final, text: clip(final.text) };
      this.joins = final.text.length >= 40 ? 0 : -1;
    }
    return true;
  }
  /** Continuation lines joined to the final error since it was read; -1: the last line was not it. */
  joins = -1;
  /**
   * A poster's hand-wrapped final error: the lines right after it that start no record of their
   * own (at most MAX_JOIN) are the rest of its text (the diagnosis core re-joins bare text alike).
   */
  continues(line) {
    if (this.joins < 0 || !this.error) return false;
    if (this.joins >= MAX_JOIN || !line.trim() || CONTINUATION_STOP.test(line) || readFinalLine(line)) {
      this.joins = -1;
      return false;
    }
    this.error = { ...this.error, text: clip(`${this.error.text} ${line}`) };
    this.joins++;
    return true;
  }
  excerptLine(line) {
    const header = line.match(EXCERPT_HEADER);
    if (header) {
      const at = { file: header[1], line: Number(header[2]), lines: [] };
      if (this.checkWarning && this.checkWarning.startLine === void 0) {
        this.excerptOf = this.checkWarning;
        Object.assign(this.excerptOf, { file: at.file, startLine: at.line, endLine: at.line });
      } else {
        this.excerptOf = void 0;
        this.excerpt = at;
      }
      this.inExcerpt = 1;
      return true;
    }
    if (this.inExcerpt && /^-{10,}$/.test(line)) {
      this.inExcerpt = this.inExcerpt === 1 ? 2 : 0;
      if (!this.inExcerpt) this.checkWarning = void 0;
      return true;
    }
    if (this.inExcerpt === 2) {
      if (!this.excerptOf && this.excerpt && this.excerpt.lines.length < EXCERPT_LINES)
        this.excerpt.lines.push(clip(line));
      return true;
    }
    return false;
  }
  /** ` > [test 3/3] RUN …:` names the step; `0.143 text` and `#0 0.143 text` are its log lines. */
  summaryLine(line) {
    const head = line.match(/^> (.*):$/);
    if (head) {
      this.summaryStep = head[1];
      return true;
    }
    const log = line.match(/^(?:#\d+ )?\d+\.\d+ (.*)$/s);
    if (log && this.summaryStep) {
      this.onSummaryLog(this.summaryStep, log[1]);
      return true;
    }
    return false;
  }
  /**
   * Plain warnings after `N warnings found`: ` - FromAsCasing: … (line 3)`. `--call=check`:
   * `WARNING: FromAsCasing - https://…`, the message, then its excerpt.
   */
  warningLine(line) {
    if (/^\d+ warnings? found\b/.test(line)) {
      this.inWarningList = true;
      return true;
    }
    const listed = this.inWarningList ? line.match(/^- ([A-Z]\w*): (.*?)(?: \(line (\d+)\))?$/) : null;
    if (listed) {
      const ln = listed[3] ? Number(listed[3]) : void 0;
      this.addWarning({
        rule: listed[1],
        level: 1,
        message: `${listed[1]}: ${listed[2]}`,
        detail: [],
        startLine: ln,
        endLine: ln
      });
      return true;
    }
    this.inWarningList = false;
    const check = line.match(
      /^Check complete, (\d+|no) warnings? ha(?:ve|s) been found!?|^Check complete, no warnings found/
    );
    if (check) {
      this.check = { warnings: check[1] && check[1] !== "no" ? Number(check[1]) : 0 };
      return true;
    }
    const block = line.match(/^WARNING: ([A-Z]\w*) - (\S+)$/);
    if (block) {
      this.checkWarning = { rule: block[1], level: 1, message: "", detail: [], url: block[2] };
      if (this.warnings.length < MAX_WARNINGS) this.warnings.push(this.checkWarning);
      return true;
    }
    if (this.checkWarning && !this.checkWarning.message && line.trim()) {
      this.checkWarning.message = clip(`${this.checkWarning.rule}: ${line}`);
      return true;
    }
    return false;
  }
  /** Adds a warning unless the same check (rule, line, message) is there: platforms repeat them. */
  addWarning(w) {
    if (this.warnings.length >= MAX_WARNINGS) return;
    if (this.warnings.some((x) => x.rule === w.rule && x.startLine === w.startLine && x.message === w.message))
      return;
    this.warnings.push(w);
  }
};

// src/trace/names.ts
var STEP_NAME = /^\[(?:([a-z0-9]+\/[a-z0-9._/-]+) )?(?:([^\s\]\d][^\s\]]*|stage-\d+) )?\s*(\d+)\/(\d+)\] (.*)$/s;
var TARGET_LOAD = /^\[([A-Za-z0-9_-]+) internal\] load build definition/;
function announcedTarget(name) {
  return name.match(TARGET_LOAD)?.[1];
}
function describeStepName(name, targets) {
  if (targets?.size) {
    const m = name.match(/^\[([A-Za-z0-9_-]+)(\] | )/);
    if (m && targets.has(m[1])) {
      const rest = m[2] === "] " ? name.slice(m[0].length) : `[${name.slice(m[0].length)}`;
      return { ...describeOne(rest), target: m[1] };
    }
  }
  return describeOne(name);
}
function describeOne(name) {
  const m = name.match(STEP_NAME);
  if (m) {
    return {
      internal: false,
      platform: m[1],
      stage: m[2],
      index: Number(m[3]),
      total: Number(m[4]),
      instruction: m[5].trim()
    };
  }
  const plat = name.match(/^\[([a-z0-9]+\/[a-z0-9._/-]+) /);
  return { internal: true, platform: plat?.[1] };
}
function parseSize(text2) {
  const m = text2.match(/^([\d.]+)\s*([kMGT]?i?B)$/);
  if (!m) return void 0;
  const mult = {
    B: 1,
    kB: 1e3,
    MB: 1e6,
    GB: 1e9,
    TB: 1e12,
    KiB: 1024,
    MiB: 1024 ** 2,
    GiB: 1024 ** 3,
    TiB: 1024 ** 4
  };
  const f = mult[m[2]];
  return f === void 0 ? void 0 : Math.round(Number(m[1]) * f);
}

// src/trace/record.ts
var RECORD_LOG_LINES = 30;
var EXCERPT_LINES2 = 40;
var MAX_RECORD_CHARS = 1 << 20;
var CLIPPED = /^\[output clipped, log limit (\S+) reached\]$/;
function clippedLimit(line) {
  return line.startsWith("[output clipped") ? CLIPPED.exec(line.trim())?.[1] : void 0;
}
var str = (v) => typeof v === "string" ? v : void 0;
var num = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : void 0;
function parseRecord(text2) {
  if (text2.length > MAX_RECORD_CHARS) return void 0;
  let value;
  try {
    value = JSON.parse(text2);
  } catch {
    return void 0;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return void 0;
  const r = value;
  const ref = str(r.Ref);
  const status = str(r.Status);
  if (!ref || !status) return void 0;
  const record = { ref, status };
  const total = num(r.NumTotalSteps);
  if (total !== void 0)
    record.steps = { total, completed: num(r.NumCompletedSteps) ?? 0, cached: num(r.NumCachedSteps) ?? 0 };
  const e = r.Error;
  if (e && typeof e === "object" && !Array.isArray(e)) {
    const error = readError(e);
    if (error) {
      record.error = error;
      const limit = error.logs.map(clippedLimit).find((l) => l !== void 0);
      if (limit) record.clipped = limit;
    }
  }
  return record;
}
function readError(e) {
  const message = str(e.Message)?.trim();
  if (!message) return void 0;
  const logs = Array.isArray(e.Logs) ? e.Logs.filter((l) => typeof l === "string") : [];
  const vertex2 = str(e.Name)?.trim();
  const sources = str(e.Sources);
  const source = sources ? readSources(sources) : void 0;
  return {
    message: clip(message),
    ...vertex2 ? { vertex: clip(vertex2) } : {},
    logs: logs.slice(-RECORD_LOG_LINES).map(clip),
    ...source ? { source } : {}
  };
}
var SOURCE_HEADER = /^(\S+):(\d+)(?:-\d+)?$/;
function readSources(base64) {
  let text2;
  try {
    text2 = Buffer.from(base64, "base64").toString("utf8");
  } catch {
    return void 0;
  }
  const lines = text2.split("\n");
  const header = SOURCE_HEADER.exec(lines[0]?.trim() ?? "");
  if (!header) return void 0;
  const body = [];
  let dashes = 0;
  for (const line of lines.slice(1)) {
    if (/^-{10,}$/.test(line.trim())) {
      if (++dashes === 2) break;
      continue;
    }
    if (dashes === 1 && body.length < EXCERPT_LINES2) body.push(clip(line));
  }
  const marked = body.map((l) => /^\s*(\d+) \| >>>/.exec(l)?.[1]).find((n) => n !== void 0);
  return { file: header[1], line: Number(marked ?? header[2]), lines: body };
}
function withRecord(trace, record) {
  const error = record.error;
  if (!error) return trace;
  const steps = error.vertex ? trace.steps.map((s) => s.name === error.vertex ? fromRecord(s, record) : s) : trace.steps;
  if (error.vertex && !trace.steps.some((s) => s.name === error.vertex)) {
    steps.push(fromRecord(recordStep(error.vertex, steps.length + 1, trace.targets), record));
  }
  return {
    ...trace,
    steps,
    // The log's spelling when it is the same error (buildx prefixes `failed to solve: …`).
    error: trace.error?.endsWith(error.message) ? trace.error : error.message,
    ...error.source ? { excerpt: error.source } : {},
    recordUse: { ref: record.ref, error: true, line: !!error.source }
  };
}
function fromRecord(s, record) {
  const error = record.error;
  const logs = s.logLines === 0 ? error.logs : s.logTail;
  return {
    ...s,
    error: s.error ?? error.message,
    done: true,
    logTail: logs,
    logLines: s.logLines || logs.length,
    ...s.clipped ?? record.clipped ? { clipped: s.clipped ?? record.clipped } : {}
  };
}
function recordStep(name, number, targets) {
  return {
    number,
    id: `record:${name}`,
    name,
    ...describeStepName(name, targets ? new Set(targets) : void 0),
    cached: false,
    logTail: [],
    logLines: 0
  };
}

// src/trace/json.ts
var MAX_PENDING_BYTES = 32 * 1024 * 1024;
var JsonAssembler = class {
  lines = [];
  bytes = 0;
  depth = 0;
  inString = false;
  escaped = false;
  active = false;
  /** Starts a value at a line that is exactly `{`. */
  start() {
    this.active = true;
    this.lines = [];
    this.bytes = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }
  /** Inside a pretty-printed value every line is indented or closes a bracket. */
  continues(line) {
    return /^(?:\s|[}\]])/.test(line);
  }
  /** Gives up on the value (a line that cannot belong to it arrived). */
  abandon() {
    this.active = false;
    const n = this.lines.length;
    this.lines = [];
    return n;
  }
  push(line) {
    this.lines.push(line);
    this.bytes += line.length + 1;
    for (const ch of line) {
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === "\\") this.escaped = true;
        else if (ch === '"') this.inString = false;
      } else if (ch === '"') this.inString = true;
      else if (ch === "{" || ch === "[") this.depth++;
      else if (ch === "}" || ch === "]") this.depth--;
    }
    if (this.depth > 0 && this.bytes <= MAX_PENDING_BYTES && !this.inString) return { kind: "more" };
    const broken = this.depth > 0 || this.inString;
    const text2 = broken ? "" : this.lines.join("\n");
    const n = this.abandon();
    if (broken) return { kind: "dropped", lines: n };
    try {
      return { kind: "value", value: JSON.parse(text2) };
    } catch {
      return { kind: "dropped", lines: n };
    }
  }
};

// src/trace/legacy.ts
function readLegacyLine(line) {
  const step = line.match(/^Step (\d+)\/(\d+) : (.*)$/);
  if (step) return { kind: "step", index: Number(step[1]), total: Number(step[2]), instruction: step[3] };
  const ctx = line.match(/^Sending build context to Docker daemon\s+([\d.]+\s*[kMGT]?i?B)/);
  if (ctx) return { kind: "context", size: ctx[1] };
  if (/^---> |^Removing intermediate container |^Successfully (?:built|tagged) /.test(line))
    return { kind: "meta" };
  return void 0;
}

// src/trace/lines.ts
var ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
var TIMESTAMP = /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?|\[\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?\] ?)/;
function stripAnsi(s) {
  return s.replace(ANSI, "");
}
function normalizeLine(raw) {
  let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  if (line.includes("\x1B")) line = stripAnsi(line);
  line = line.replace(TIMESTAMP, "");
  if (line.startsWith(">") && !line.startsWith(">>>")) line = line.replace(/^(?:> ?)+/, "");
  return line.trimStart();
}

// src/trace/solve-status.ts
function decode(b64) {
  return b64 ? Buffer.from(b64, "base64").toString("utf8") : "";
}
var objects = (v) => Array.isArray(v) ? v.filter((x) => !!x && typeof x === "object" && !Array.isArray(x)) : [];
var str2 = (v) => typeof v === "string" ? v : void 0;
var num2 = (v) => typeof v === "number" && Number.isFinite(v) ? v : void 0;
var strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
function vertex(o) {
  return {
    digest: str2(o.digest),
    name: str2(o.name),
    started: str2(o.started),
    completed: str2(o.completed),
    cached: o.cached === true,
    error: str2(o.error),
    inputs: strings(o.inputs)
  };
}
function warningOf(o) {
  const source = objects([o.sourceInfo])[0];
  const line = (p) => num2(objects([p])[0]?.line);
  return {
    level: num2(o.level),
    short: str2(o.short),
    detail: strings(o.detail),
    url: str2(o.url),
    sourceInfo: source ? { filename: str2(source.filename) } : void 0,
    range: objects(o.range).map((r) => ({ start: { line: line(r.start) }, end: { line: line(r.end) } }))
  };
}
function readSolveStatus(v, sink) {
  for (const raw of objects(v.vertexes).map(vertex)) {
    if (!raw.digest) continue;
    const s = sink.step(raw.digest, raw.name);
    if (raw.inputs?.length) sink.inputs?.(raw.digest, raw.inputs);
    const wasStarted = s.startedMs !== void 0;
    const wasDone = s.completedMs !== void 0;
    if (raw.cached) s.cached = true;
    if (raw.started) s.startedMs = Date.parse(raw.started);
    if (raw.completed) {
      s.completedMs = Date.parse(raw.completed);
      s.done = true;
    }
    if (raw.error) s.error = clip(raw.error);
    if (s.startedMs !== void 0 && s.completedMs !== void 0)
      s.durationMs = Math.max(0, s.completedMs - s.startedMs);
    sink.changed(s, wasStarted, wasDone);
  }
  for (const st of objects(v.statuses)) {
    const current = num2(st.current);
    if (str2(st.id)?.startsWith("transferring context") && current !== void 0) sink.contextBytes(current);
  }
  for (const log of objects(v.logs)) {
    const id = str2(log.vertex);
    if (!id) continue;
    const s = sink.step(id);
    for (const l of decode(str2(log.data)).split("\n")) if (l !== "") sink.log(s, l);
  }
  for (const w of objects(v.warnings).map(warningOf)) {
    const short = decode(w.short);
    const r = w.range?.[0];
    sink.warning({
      rule: short.match(/^(\w+):/)?.[1] ?? "",
      level: w.level ?? 1,
      message: clip(short),
      detail: (w.detail ?? []).map((d) => clip(decode(d))),
      url: w.url,
      file: w.sourceInfo?.filename,
      startLine: r?.start?.line,
      endLine: r?.end?.line ?? r?.start?.line
    });
  }
}

// src/trace/tty.ts
var DURATION = /\s+(\d+(?:\.\d+)?)s$/;
function readTtyLine(line) {
  if (/^\[\+\] Building [\d.]+s \(\d+\/\d+\)/.test(line)) return { kind: "header" };
  if (!line.startsWith("=> ")) return void 0;
  if (line.startsWith("=> => # ")) return { kind: "log", text: line.slice(8).trimEnd() };
  if (line.startsWith("=> => "))
    return { kind: "detail", text: line.slice(6).replace(DURATION, "").trimEnd() };
  let rest = line.slice(3);
  const d = rest.match(DURATION);
  const durationMs = d ? Math.round(parseFloat(d[1]) * 1e3) : void 0;
  if (d) rest = rest.slice(0, d.index).trimEnd();
  const word = rest.match(/^(CACHED|ERROR|CANCELED) (.*)$/);
  const status = word ? { CACHED: "cached", ERROR: "error", CANCELED: "canceled" }[word[1]] : durationMs !== void 0 ? "done" : "running";
  return { kind: "step", status, name: word ? word[2] : rest, durationMs };
}

// src/trace/parser.ts
var LOG_TAIL_LINES = 30;
var TTY_STEP_ERROR = "the step failed";
var TraceParser = class {
  constructor(listener, opts = {}) {
    this.listener = listener;
    this.targets = new Set(opts.targets ?? []);
  }
  listener;
  steps = /* @__PURE__ */ new Map();
  byName = /* @__PURE__ */ new Map();
  contextBytes = 0;
  /** rawjson: each vertex's inputs, by digest. */
  inputs = /* @__PURE__ */ new Map();
  format = "unknown";
  unread = 0;
  binary = false;
  started;
  completed;
  json = new JsonAssembler();
  closing = new ClosingText((name, line) => this.summaryLog(name, line));
  /** The step later lines belong to: the display's running step, the legacy builder's current one. */
  current;
  /** Bake targets: given by the caller (the resolved bake file) or announced by the log. */
  targets;
  push(rawLine) {
    if (!this.json.active && rawLine.charCodeAt(0) === 123 && rawLine.charCodeAt(rawLine.length - 1) === 125 && this.jsonValue(rawLine)) {
      return;
    }
    if (this.json.active) {
      const raw = stripAnsi(rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine);
      if (this.json.continues(raw)) {
        const r = this.json.push(raw);
        if (r.kind === "value") this.solveStatus(r.value);
        else if (r.kind === "dropped") this.unread += r.lines;
        return;
      }
      this.unread += this.json.abandon();
    }
    if (rawLine.includes("\0")) {
      this.binary = true;
      this.unread++;
      return;
    }
    const line = normalizeLine(rawLine);
    if (line === "{") {
      this.json.start();
      this.json.push(line);
      return;
    }
    if (line.startsWith("{") && line.endsWith("}") && this.jsonValue(line)) return;
    if (!this.closing.holds(line) && (this.plain(line) || this.tty(line) || this.legacy(line))) return;
    this.text(line);
  }
  /** Reads one JSON SolveStatus; false when the text is not a JSON object. */
  jsonValue(text2) {
    let value;
    try {
      value = JSON.parse(text2);
    } catch {
      return false;
    }
    if (!value || typeof value !== "object") return false;
    this.solveStatus(value);
    return true;
  }
  solveStatus(value) {
    this.format = "rawjson";
    readSolveStatus(value, {
      step: (id, name) => this.step(id, name),
      changed: (s, wasStarted, wasDone) => {
        this.span(s);
        if (!wasStarted && (s.startedMs !== void 0 || s.cached))
          this.listener?.({ kind: "started", step: s });
        if (!wasDone && s.completedMs !== void 0) this.listener?.({ kind: "completed", step: s });
      },
      log: (s, l) => this.log(s, l),
      contextBytes: (n) => this.contextBytes = Math.max(this.contextBytes, n),
      warning: (w) => this.closing.addWarning(w),
      inputs: (id, inputs) => this.inputs.set(id, inputs)
    });
  }
  step(id, name) {
    let s = this.steps.get(id);
    if (!s) {
      s = {
        number: this.steps.size + 1,
        id,
        name: name ?? "",
        cached: false,
        logTail: [],
        logLines: 0,
        internal: true
      };
      if (name) this.describe(s, name);
      this.steps.set(id, s);
    } else if (name && !s.name) {
      s.name = name;
      this.describe(s, name);
    }
    if (s.name && !this.byName.has(s.name)) this.byName.set(s.name, s);
    return s;
  }
  describe(s, name) {
    const target = announcedTarget(name);
    if (target) this.targets.add(target);
    Object.assign(s, describeStepName(name, this.targets));
  }
  log(s, text2) {
    s.logLines++;
    if (!s.clipped) {
      const limit = clippedLimit(text2);
      if (limit) s.clipped = limit;
    }
    s.logTail.push(clip(text2));
    if (s.logTail.length > LOG_TAIL_LINES) s.logTail.shift();
    this.listener?.({ kind: "log", step: s, line: text2 });
  }
  /** A line the failure summary shows: kept when the step's own log did not reach the trace. */
  summaryLog(name, line) {
    const s = this.byName.get(name) ?? [...this.byName.values()].find((x) => name.startsWith(x.name.replace(/\.\.\.$/, "")));
    if (s && (s.logLines === 0 || s.summaryOnly)) {
      s.summaryOnly = true;
      this.log(s, line);
    }
  }
  span(s) {
    if (s.startedMs !== void 0 && (this.started === void 0 || s.startedMs < this.started))
      this.started = s.startedMs;
    if (s.completedMs !== void 0 && (this.completed === void 0 || s.completedMs > this.completed))
      this.completed = s.completedMs;
  }
  setFormat(f) {
    if (this.format === "unknown") this.format = f;
  }
  /** Plain progress: `#N name`, `#N CACHED`, `#N DONE 1.2s`, `#N ERROR: …`, `#N 0.114 log`. */
  plain(line) {
    const m = line.match(/^#(\d+) (.*)$/s);
    if (!m) return false;
    this.setFormat("plain");
    const id = `#${m[1]}`;
    const rest = m[2];
    const known = this.steps.get(id);
    if (!known) {
      const s = this.step(id, rest);
      this.listener?.({ kind: "started", step: s });
      return true;
    }
    if (rest === "CACHED") {
      known.cached = true;
      known.durationMs = 0;
      known.done = true;
      this.listener?.({ kind: "completed", step: known });
    } else if (/^DONE [\d.]+s$/.test(rest)) {
      known.durationMs = Math.round(parseFloat(rest.slice(5)) * 1e3);
      known.done = true;
      this.listener?.({ kind: "completed", step: known });
    } else if (rest.startsWith("ERROR: ")) {
      known.error = clip(rest.slice(7));
      known.done = true;
      this.listener?.({ kind: "completed", step: known });
    } else if (rest === "CANCELED") {
      known.canceled = true;
      known.done = true;
    } else if (rest !== "..." && rest !== known.name && !rest.startsWith("WARN: ")) {
      const ctx = rest.match(/^transferring context: ([\d.]+\s*[kMGT]?i?B)/);
      if (ctx) this.contextBytes = Math.max(this.contextBytes, parseSize(ctx[1]) ?? 0);
      const log = rest.match(/^\d+\.\d+ (.*)$/s);
      if (log) this.log(known, log[1]);
    }
    return true;
  }
  /** The interactive display (tty.ts): steps keyed by name, since the display redraws them. */
  tty(line) {
    const t = readTtyLine(line);
    if (!t) return false;
    this.setFormat("tty");
    if (t.kind === "step") {
      const s = this.step(`tty:${t.name}`, t.name);
      this.current = s;
      if (t.status === "cached") s.cached = true;
      if (t.status === "error") s.error ??= TTY_STEP_ERROR;
      if (t.status === "canceled") s.canceled = true;
      if (t.status !== "running") s.done = true;
      if (t.durationMs !== void 0) s.durationMs = t.durationMs;
    } else if (t.kind === "log" && this.current) this.log(this.current, t.text);
    else if (t.kind === "detail") {
      const ctx = t.text.match(/^transferring context: ([\d.]+\s*[kMGT]?i?B)/);
      if (ctx) this.contextBytes = Math.max(this.contextBytes, parseSize(ctx[1]) ?? 0);
    }
    return true;
  }
  /** The legacy builder (legacy.ts): a step's output follows its `Step i/n :` line unprefixed. */
  legacy(line) {
    const l = readLegacyLine(line);
    if (!l) {
      if (this.format !== "legacy" || !this.current || this.closing.error) return false;
      if (readFinalLine(line)) {
        this.current.error = clip(line);
        return false;
      }
      if (line.trim()) this.log(this.current, line);
      return true;
    }
    this.setFormat("legacy");
    if (l.kind === "step") {
      if (this.current && !this.current.error) this.current.done = true;
      const s = this.step(`step:${l.index}`, l.instruction);
      Object.assign(s, { internal: false, instruction: l.instruction, legacyIndex: l.index });
      this.current = s;
    } else if (l.kind === "context") this.contextBytes = Math.max(this.contextBytes, parseSize(l.size) ?? 0);
    return true;
  }
  text(line) {
    this.listener?.({ kind: "text", line });
    if (!this.closing.push(line) && line.trim() !== "") this.unread++;
    if (this.closing.check && this.format === "unknown") this.format = "check";
  }
  finish() {
    if (this.current && this.format === "legacy" && !this.current.error && !this.closing.error)
      this.current.done = true;
    const steps = [...this.steps.values()];
    const c = this.closing;
    if (c.error?.target) this.targets.add(c.error.target);
    if (this.targets.size) {
      for (const s of steps)
        if (!s.target && s.name) Object.assign(s, describeStepName(s.name, this.targets));
    }
    const platformOf2 = (id, seen = /* @__PURE__ */ new Set()) => {
      const s = this.steps.get(id);
      if (s?.platform) return s.platform;
      if (seen.has(id)) return void 0;
      seen.add(id);
      for (const i of this.inputs.get(id) ?? []) {
        const p = platformOf2(i, seen);
        if (p) return p;
      }
      return void 0;
    };
    for (const s of steps)
      if (!s.platform && !s.internal && this.inputs.has(s.id)) s.platform = platformOf2(s.id);
    const platforms = [...new Set(steps.map((s) => s.platform).filter((p) => !!p))];
    const durationMs = this.started !== void 0 && this.completed !== void 0 ? this.completed - this.started : steps.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
    return {
      format: this.format,
      steps,
      warnings: c.warnings,
      contextBytes: this.contextBytes,
      platforms,
      startedMs: this.started,
      completedMs: this.completed,
      durationMs,
      error: c.error?.text,
      ...c.error?.target ? { errorTarget: c.error.target } : {},
      ...this.targets.size ? { targets: [...this.targets] } : {},
      crashed: c.crashed,
      ...this.binary ? { binary: true } : {},
      ...c.check ? { check: c.check } : {},
      excerpt: c.excerpt,
      unreadLines: this.unread,
      tail: c.tail
    };
  }
};
function parseTrace(text2) {
  const p = new TraceParser();
  for (const line of text2.split("\n")) p.push(line);
  return p.finish();
}

// src/trace/read.ts
import { StringDecoder } from "node:string_decoder";
var MAX_LINE_CHARS = 1 << 20;
function withTruncated(trace, truncated) {
  return truncated ? { ...trace, truncatedLines: truncated } : trace;
}
function cutMarker(chars) {
  return ` \u2026 [${chars} characters cut] \u2026 `;
}
var LineSplitter = class {
  constructor(onLine, max = MAX_LINE_CHARS) {
    this.onLine = onLine;
    this.max = max;
    this.half = Math.floor(max / 2);
  }
  onLine;
  max;
  partial = "";
  /** The line is over `max`: `partial` is its head, `tail` its last characters so far. */
  dropping = false;
  tail = [];
  tailChars = 0;
  seen = 0;
  decoder = new StringDecoder("utf8");
  half;
  /** How many lines were cut to `max`. */
  truncated = 0;
  push(chunk) {
    const text2 = typeof chunk === "string" ? chunk : this.decoder.write(chunk);
    let start = 0;
    for (; ; ) {
      const nl = text2.indexOf("\n", start);
      const end = nl < 0 ? text2.length : nl;
      if (!this.dropping) {
        if (this.partial.length + (end - start) > this.max) {
          const headRoom = this.half - Math.min(this.half, this.partial.length);
          const rest = this.partial.slice(this.half) + text2.slice(start + headRoom, end);
          this.partial = this.partial.slice(0, this.half) + text2.slice(start, start + headRoom);
          this.seen = this.partial.length;
          this.dropping = true;
          this.truncated++;
          this.keepTail(rest);
        } else this.partial += text2.slice(start, end);
      } else this.keepTail(text2.slice(start, end));
      if (nl < 0) return;
      this.emit();
      start = nl + 1;
    }
  }
  end() {
    this.push(this.decoder.end());
    if (this.partial || this.dropping) this.emit();
  }
  /** Keeps the last `half` characters seen; compacts when twice that is held (linear overall). */
  keepTail(text2) {
    if (!text2) return;
    this.seen += text2.length;
    this.tail.push(text2);
    this.tailChars += text2.length;
    if (this.tailChars >= 2 * this.half) this.compactTail();
  }
  compactTail() {
    const kept2 = this.tail.join("").slice(-this.half);
    this.tail = [kept2];
    this.tailChars = kept2.length;
  }
  emit() {
    if (this.dropping) {
      this.compactTail();
      const tail = this.tail[0] ?? "";
      this.onLine(this.partial + cutMarker(this.seen - this.partial.length - tail.length) + tail);
    } else this.onLine(this.partial);
    this.partial = "";
    this.dropping = false;
    this.tail = [];
    this.tailChars = 0;
    this.seen = 0;
  }
};

// src/diagnosis/categories.ts
var CATEGORIES = [
  "transport",
  "registry",
  "cache-export",
  "crash",
  "step",
  "dockerfile",
  "missing-file",
  "image-not-found",
  "platform",
  "auth",
  "resource",
  "cancelled",
  // The builder or one of its nodes did not come up: infrastructure, before any build ran.
  "builder",
  "unknown"
];
var RETRYABLE = /* @__PURE__ */ new Set(["transport", "registry", "cache-export", "crash"]);

// src/diagnosis/patterns.ts
var REGISTRY_RATE_LIMIT = /\b429\b|toomanyrequests|Too Many Requests|rate limit(?:ed| exceeded)?\b/i;
var EXEC_FORMAT = /exec format error|exec user process caused|cannot execute binary file/i;
var ERROR_PATTERNS = [
  {
    id: "status-stream-lost",
    needles: ["status: rpc error"],
    category: "transport",
    scope: "error",
    tier: 1,
    reason: "the status stream from BuildKit broke (failed to receive status)",
    pattern: /failed to (?:receive|get) status: rpc error: code = (?:Unavailable|Canceled|DeadlineExceeded|Internal)/,
    remedy: "retried automatically; if it repeats, check the network between the runner and the nodes"
  },
  {
    id: "cancelled",
    needles: ["Canceled: ", "operation was canceled"],
    category: "cancelled",
    scope: "error",
    tier: 1,
    reason: "the build was cancelled (the job was cancelled or timed out)",
    pattern: /\bCanceled: (?:context canceled|grpc: the client connection is closing)|\boperation was canceled\b/,
    remedy: "raise the job timeout (timeout-minutes) if the build needs longer"
  },
  {
    // Also when only the failing step's own output says so (`tar: write error: No space left on
    // device`): a step writes to the builder's disk, so a full one is the builder's, not the step's.
    id: "disk-full",
    needles: ["no space left", "quota exceeded"],
    category: "resource",
    scope: "step",
    tier: 1,
    reason: "the disk of the builder is full (no space left on device)",
    pattern: /no space left on device|disk quota exceeded/i,
    remedy: "free disk space on the runner or node (docker builder prune, remove unused images), or use a larger disk"
  },
  {
    id: "out-of-memory",
    needles: ["Killed", "memory"],
    category: "resource",
    scope: "step",
    tier: 1,
    reason: "a step ran out of memory (killed, exit code 137)",
    pattern: /^(?=[\s\S]*\b(?:exit code:?|non-zero code:) 137\b)(?=[\s\S]*\bKilled\b)|\bOOMKilled\b|cannot allocate memory|fatal error: runtime: out of memory/,
    remedy: "give the build more memory (a larger runner or node), or lower the step\u2019s parallelism"
  },
  {
    id: "exec-format",
    needles: ["exec"],
    category: "platform",
    scope: "step",
    tier: 1,
    reason: "a binary for another architecture was run (exec format error)",
    pattern: EXEC_FORMAT,
    remedy: "install QEMU (docker/setup-qemu-action), add a native node for that platform (nodes input), or fetch the binary for TARGETARCH"
  },
  {
    id: "platform-not-in-manifest",
    needles: ["no match"],
    category: "platform",
    scope: "error",
    tier: 1,
    reason: "the base image has no variant for the requested platform",
    pattern: /no match for platform in manifest|no matching manifest for/,
    remedy: "pick a base image published for every platform in `platforms`, or drop that platform"
  },
  {
    // buildx before 0.13 and after it word this differently.
    id: "docker-driver-multi-platform",
    needles: ["docker driver"],
    category: "platform",
    scope: "error",
    tier: 1,
    reason: "the docker driver cannot build several platforms at once",
    pattern: /multiple platforms feature is currently not supported for docker driver|multi-platform build is not supported for the docker driver/i,
    remedy: "use the docker-container or remote driver (driver input), or the containerd image store"
  },
  {
    id: "step-failed",
    needles: ["did not complete", "executor failed", "non-zero code"],
    category: "step",
    scope: "error",
    tier: 1,
    reason: "a build step exited non-zero",
    pattern: /process "…" did not complete successfully|executor failed running \[|did not complete successfully: exit code: \d+|returned a non-zero code: \d+/
  },
  {
    id: "dockerfile",
    needles: [
      "dockerfile",
      "instruction",
      "heredoc",
      "llb definition",
      "lint violation",
      "base name",
      "end of statement",
      "check complete",
      "source image"
    ],
    category: "dockerfile",
    scope: "error",
    tier: 1,
    reason: "the Dockerfile does not parse or fails a build check",
    pattern: /dockerfile parse error|unknown instruction|unterminated heredoc|failed to create LLB definition: (?:dockerfile|syntax)|lint violation|Dockerfile:\d+\D.{0,300}(?:syntax|parse)|base name \(.*\) should not be blank|failed to process ".*": unexpected end of statement|Check complete, \d+ warnings? ha(?:ve|s) been found|Please provide a source image with `from` prior to commit/i,
    remedy: "fix the Dockerfile at the line shown"
  },
  {
    // A trap: this reads like a missing file, but it is a context transfer cut short.
    id: "context-transfer-cut",
    needles: ["failed to compute cache key"],
    category: "transport",
    scope: "error",
    tier: 1,
    reason: "the build context transfer to BuildKit was cut short",
    pattern: /failed to compute cache key: failed to read expected number of bytes|failed to compute cache key: .*unexpected EOF/
  },
  {
    id: "crash",
    needles: ["panic: ", "fatal error: ", "goroutine "],
    category: "crash",
    scope: "all",
    tier: 1,
    reason: "buildx or BuildKit crashed",
    pattern: /^panic: |^fatal error: |^goroutine \d+ \[(?:running|syscall)/m,
    remedy: "retried once (max-crash-retries); see the known-crash finding for a fixed release"
  },
  {
    // Docker Hub answers a repository that does not exist as if it were private.
    id: "repository-missing",
    needles: ["pull access denied", "repository does not exist"],
    category: "image-not-found",
    scope: "error",
    tier: 1,
    reason: "an image the build names does not exist (or is private to another account)",
    pattern: /pull access denied|repository does not exist/,
    remedy: "check the image name and tag (or digest); log in first if it is private"
  },
  {
    // RFC 6750: the registry refused the token itself (expired, revoked, malformed). Decisive, unlike
    // `insufficient_scope`, which Docker Hub also answers for a repository that does not exist.
    id: "token-refused",
    needles: ["invalid_token"],
    category: "auth",
    scope: "error",
    tier: 1,
    reason: "the registry refused the token (invalid_token)",
    pattern: /\binvalid_token\b/,
    remedy: "log in again before the build (docker/login-action) with a token that has not expired or been revoked"
  },
  {
    // The docker CLI's credential helper failed (not installed, misconfigured in config.json): the
    // registry was never asked, so whatever follows in the chain (`executable file not found`) is the
    // helper's, not the image's.
    id: "credential-helper",
    needles: ["error getting credentials"],
    category: "auth",
    scope: "error",
    tier: 1,
    reason: "the docker credential helper failed (error getting credentials)",
    pattern: /\berror getting credentials\b/,
    remedy: "fix the credsStore / credHelpers entry of ~/.docker/config.json (install that docker-credential-* helper, or remove the entry), then log in again"
  },
  {
    id: "message-too-large",
    needles: ["ResourceExhausted", "larger than max"],
    category: "resource",
    scope: "error",
    tier: 2,
    reason: "a resource limit of BuildKit was hit (gRPC message size or similar)",
    pattern: /ResourceExhausted|larger than max/
  },
  {
    id: "registry-auth",
    needles: ["auth", "forbidden", "denied", "insufficient_scope"],
    category: "auth",
    scope: "error",
    tier: 2,
    reason: "the registry refused the credentials",
    pattern: /\b401 Unauthorized|\b403 Forbidden|\bauthorization status: 40[13]\b|\bauthorization failed\b|\bunauthorized: |\bdenied: |requested access to the resource is denied|authentication required|insufficient_scope/i,
    remedy: "log in before the build (docker/login-action) with a token that can pull and push this repository; pull requests from forks get no secrets"
  },
  {
    id: "manifest-unknown",
    needles: ["manifest unknown"],
    category: "image-not-found",
    scope: "error",
    tier: 2,
    reason: "an image the build or merge names does not exist (a base image, a merge source)",
    pattern: /\bmanifest unknown\b/,
    remedy: "check the image name and tag (or digest), and that the job pushed it before this step"
  },
  {
    id: "missing-path",
    // `stat <path>: no such file or directory` is buildx reading a local path it was given (a
    // --secret or --ssh source, a context); `failed to read dockerfile: read <path>: is a directory`
    // is a Dockerfile path that names a folder.
    needles: ["no such file", "COPY failed", "prepare context", "Cannot locate", "is a directory"],
    category: "missing-file",
    scope: "error",
    tier: 2,
    reason: "a file the build needs is not in the build context",
    pattern: /\bl?stat .{0,300}: no such file or directory|open \S{0,300}Dockerfile: no such file or directory|failed to read dockerfile: read \S{0,300}: is a directory|COPY failed: (?:file not found|stat |no source files)|unable to prepare context|Cannot locate specified Dockerfile/,
    remedy: "check the path against the build context and .dockerignore"
  },
  {
    // BuildKit's content store has no blob a cache record points to: a remote cache entry (the
    // GitHub Actions cache evicts them) went away between the import and its use. A rerun re-fetches.
    id: "blob-missing",
    needles: ["blob sha256:"],
    category: "cache-export",
    scope: "error",
    tier: 2,
    reason: "a blob the build cache refers to is gone (a cache entry was evicted)",
    pattern: /\bblob sha256:[0-9a-f]{64} not found\b/,
    remedy: "retried; add ignore-error=true to cache-to, and keep the cache scope small enough not to be evicted mid-build"
  },
  {
    // What `not found` means depends on what was looked for: the operation says (table.ts).
    id: "not-found",
    needles: ["found", "no such file"],
    category: "unknown",
    scope: "error",
    tier: 2,
    reason: "something the build looked for was not found",
    pattern: /\bnot[ _]found\b|\b404 Not Found\b|\bno such file or directory\b/i
  },
  {
    // A registry on filesystem storage writes its link files in place: while the same content is
    // being pushed elsewhere (a merge into two repositories, parallel pushes), a manifest PUT can
    // meet an empty link and is refused. Measured on the test bed: 13 of 120 concurrent merges; every
    // retry succeeded. Any 400 on a manifest PUT whose error list names an unknown blob is retried:
    // the retry also uploads a blob that is really missing. buildx prints the list after the line.
    id: "registry-manifest-blob-unknown",
    needles: ["PUT request", "manifest blob unknown"],
    category: "registry",
    scope: "all",
    tier: 2,
    reason: "the registry refused a manifest because a blob it references was not (yet) there",
    pattern: /^(?=[\s\S]*?PUT request to \S+\/manifests\/\S+: 400 Bad Request)(?=[\s\S]*?(?:blob unknown to registry|MANIFEST_BLOB_UNKNOWN))|(?:^|\n)(?:errors:\s*)?manifest blob unknown: /,
    remedy: "retried; if it recurs, push to this registry one job at a time (a self-hosted registry on filesystem storage can answer a manifest before a blob pushed at the same moment is linked: distribution/distribution#4489)"
  },
  {
    id: "registry-rate-limit",
    needles: ["429", "many", "rate limit"],
    category: "registry",
    scope: "error",
    tier: 2,
    reason: "the registry rate-limited the build (429)",
    pattern: REGISTRY_RATE_LIMIT,
    remedy: "log in to the registry before the build (docker/login-action) for a higher limit, pull base images through a mirror or cache, and avoid pull/no-cache on every run"
  },
  {
    // The gRPC connection between buildx and BuildKit, not a registry's.
    id: "connection-lost",
    needles: [
      "Unavailable",
      "server",
      "transport",
      "connection error",
      "gRPC",
      "workers",
      "graceful_stop",
      "GOAWAY",
      "internal error"
    ],
    category: "transport",
    scope: "error",
    tier: 2,
    reason: "the connection between buildx and BuildKit was lost",
    pattern: /code = Unavailable|\bUnavailable: |error reading from server|transport is closing|graceful_stop|GOAWAY|timed out waiting for server handshake|connection error: desc|failed to dial gRPC|listing workers.*(?:EOF|closed)|closing transport|remote error: tls: internal error/
  },
  {
    // A time-out says how a request ended, not which: the operation (or an inner cause) says.
    id: "deadline",
    needles: ["DeadlineExceeded", "deadline exceeded"],
    category: "transport",
    scope: "error",
    tier: 3,
    reason: "a request to BuildKit or a registry ran out of time (deadline exceeded)",
    pattern: /DeadlineExceeded|context deadline exceeded/
  },
  {
    id: "registry-io",
    needles: [
      "Internal Server Error",
      "Gateway",
      "Service Unavailable",
      "unexpected ",
      "timeout",
      "connection ",
      "pipe",
      "failed to read expected",
      "reuse body",
      "failed to do request",
      "dial tcp",
      "no such host",
      "misbehaving",
      "request canceled"
    ],
    category: "registry",
    scope: "error",
    tier: 3,
    reason: "registry or network I/O failed (5xx, timeout, reset, cut transfer)",
    pattern: /\b50[0234]\b (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)|unexpected status(?: code)?.*\b5\d\d\b|TLS handshake timeout|i\/o timeout|connection timed out|connection reset by peer|connection refused|broken pipe|unexpected EOF|failed to read expected number of bytes|read\/write on closed pipe|cannot reuse body|failed to do request|dial tcp|no such host|server misbehaving|net\/http: request canceled/
  }
];
var CauseText = class {
  constructor(text2, within) {
    this.text = text2;
    this.within = within;
  }
  text;
  within;
  #folded;
  #pairs;
  get folded() {
    return this.#folded ??= this.text.toLowerCase();
  }
  get pairs() {
    return this.#pairs ??= this.within ? this.within.pairs : pairsOf(this.text);
  }
};
var pairHash = (a, b) => (a | 32) * 31 + (b | 32) & 1023;
function pairsOf(text2) {
  const bits = [
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0
  ];
  const n = text2.length;
  let prev = text2.charCodeAt(0) | 32;
  for (let i = 1; i < n; i++) {
    const c = text2.charCodeAt(i) | 32;
    const h = prev * 31 + c & 1023;
    bits[h >>> 4] |= 1 << (h & 15);
    prev = c;
  }
  return bits;
}
var PREFILTERS = ERROR_PATTERNS.map((p) => ({
  fold: p.pattern.flags.includes("i"),
  needles: p.needles,
  pairs: p.needles.map((n) => {
    const hashes = new Int32Array(n.length - 1);
    for (let i = 1; i < n.length; i++) hashes[i - 1] = pairHash(n.charCodeAt(i - 1), n.charCodeAt(i));
    return hashes;
  })
}));
function matchCauseAt(i, t) {
  const f = PREFILTERS[i];
  const bits = t.pairs;
  for (let n = 0; n < f.needles.length; n++) {
    const hashes = f.pairs[n];
    let all = true;
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k];
      if (!(bits[h >>> 4] & 1 << (h & 15))) {
        all = false;
        break;
      }
    }
    if (all && (f.fold ? t.folded : t.text).includes(f.needles[n]))
      return ERROR_PATTERNS[i].pattern.exec(t.text);
  }
  return null;
}
function errorPattern(id) {
  const p = ERROR_PATTERNS.find((x) => x.id === id);
  if (!p) throw new Error(`no error pattern '${id}'`);
  return p;
}
var KNOWN_CRASHES = [
  {
    id: "otel-clienttracer",
    pattern: /otelhttptrace\.\(\*clientTracer\)\.end/,
    needles: ["otelhttptrace"],
    what: "buildx crashed in the OpenTelemetry HTTP tracer (clientTracer.end nil dereference), typically during `imagetools create` or a push",
    fix: "upgrade buildx to 0.13 or later (docker/setup-buildx-action with version: latest)",
    url: "https://github.com/docker/buildx/issues/2232"
  },
  {
    id: "containerd-pushwriter",
    pattern: /pushWriter|remotes\/docker\.\(\*pushWriter\)/,
    needles: ["pushWriter"],
    what: "BuildKit crashed in containerd\u2019s pushWriter while pushing",
    fix: "upgrade BuildKit and buildx to 0.14 or later",
    url: "https://github.com/moby/buildkit/issues"
  },
  {
    id: "cdi-fsnotify",
    pattern: /fsnotify.*isClosed|container-device-interface\/pkg\/cdi|too many open files.*inotify|inotify.*too many/i,
    needles: ["fsnotify", "container-device-interface", "inotify"],
    what: "BuildKit crashed in the CDI device watcher (fsnotify) at start-up",
    fix: "upgrade BuildKit to 0.20.1 or later, or raise the open-file limit (ulimit -n) and fs.inotify.max_user_instances on the host",
    url: "https://github.com/moby/buildkit/issues/5767"
  }
];
function crashIn(k, text2) {
  if (!k.pattern.flags.includes("i") && !k.needles.some((n) => text2.includes(n))) return false;
  return k.pattern.test(text2);
}

// src/diagnosis/operation.ts
var VERTEX = [
  ["step", /^\[[^\]\n]{0,200}\] RUN\b|^RUN\b/],
  ["copy", /^\[[^\]\n]{0,200}\] (?:COPY|ADD)\b|^(?:COPY|ADD)\b/],
  ["resolve-image", /^\[internal\] load metadata for |^resolve image config for |^\[[^\]\n]{0,200}\] FROM /],
  ["dockerfile", /^\[internal\] load build definition\b/],
  ["context", /^\[internal\] load (?:build context|\.dockerignore)\b|^transferring context\b/],
  ["cache-import", /^importing cache manifest\b/],
  [
    "cache-export",
    /^(?:\[[^\]\n]{0,200}\] )?(?:exporting cache\b|exporting to GitHub Actions Cache\b|preparing build cache for export\b|sending cache export\b|writing cache manifest\b)/
  ],
  [
    "push",
    /^(?:\[[^\]\n]{0,200}\] )?(?:exporting to (?:image|oci image format|docker image format)\b|pushing (?:layers|manifest)\b|exporting (?:layers|manifest|config)\b)/
  ],
  ["builder", /^(?:\[internal\] )?(?:booting buildkit|waiting for connection)\b/]
];
var CHAIN = [
  [
    "session",
    /failed to (?:receive|get) status\b|failed to list workers|listing workers|failed to dial gRPC/
  ],
  ["dockerfile", /failed to read dockerfile|dockerfile parse error|failed to create LLB definition/i],
  ["context", /\berror from sender\b|\btransferring context\b/],
  [
    "resolve-image",
    /failed to resolve source metadata|pulling from host \S{1,255} failed|failed to load cache key/
  ],
  ["cache-import", /importing cache manifest|failed to configure \w{1,20} cache importer/],
  ["copy", /failed to compute cache key|failed to calculate checksum of ref/],
  ["cache-export", /failed to export cache|error writing (?:layer|manifest) blob|exporting cache\b/],
  ["push", /failed to push\b|\b(?:PUT|POST|PATCH) request to /]
];
var IMAGE_PREFIX = /(?:^|: )[\w.-]{1,255}(?::\d{1,5})?(?:\/[\w./-]{1,255})?(?::[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64}): /;
function vertexOperation(name) {
  const n = name.slice(0, 300);
  return VERTEX.find(([, re]) => re.test(n))?.[0];
}
function chainOperation(chain) {
  let best;
  for (const [op, re] of CHAIN) {
    const at = chain.search(re);
    if (at >= 0 && (!best || at < best.at)) best = { op, at };
  }
  if (best) return best.op;
  return IMAGE_PREFIX.test(chain) ? "resolve-image" : void 0;
}

// src/diagnosis/table.ts
var NO_CAUSE = "none";
var BY_OPERATION = {
  // What was not found is what the operation looked for.
  "not-found": {
    "resolve-image": "image-not-found",
    dockerfile: "missing-file",
    context: "missing-file",
    copy: "missing-file",
    // The GitHub Actions cache evicts entries while an export writes them: a retry writes anew.
    "cache-export": "cache-export"
  },
  "manifest-unknown": { "cache-export": "cache-export" },
  // A time-out: of a registry request when the operation talks to a registry.
  deadline: {
    builder: "builder",
    "resolve-image": "registry",
    "cache-import": "registry",
    copy: "registry",
    push: "registry",
    "cache-export": "cache-export"
  },
  // Network I/O to BuildKit itself (the connection, the context stream) is the transport.
  "registry-io": {
    builder: "builder",
    session: "transport",
    context: "transport",
    "cache-export": "cache-export"
  },
  "registry-rate-limit": { "cache-export": "cache-export" },
  // A builder that does not come up is the builder's failure, whatever the connection said.
  "connection-lost": { builder: "builder" },
  [NO_CAUSE]: { builder: "builder", "cache-export": "cache-export" }
};
var OPERATION_REMEDY = {
  "cache-export": "add ignore-error=true to cache-to (e.g. type=registry,ref=\u2026,ignore-error=true) so a cache backend hiccup cannot fail the build",
  "image-not-found": "check the image name and tag (or digest), and that the job pushed it before this step",
  "missing-file": "check the path against the build context and .dockerignore"
};
function dependsOnOperation(cause) {
  return cause in BY_OPERATION;
}
function overridden(operation, cause) {
  return !!BY_OPERATION[cause]?.[operation];
}
var OWN = new Map(ERROR_PATTERNS.map((p) => [p.id, p.category]));
function categoryOf(operation, cause) {
  const own = cause === NO_CAUSE ? "unknown" : OWN.get(cause);
  if (!own) throw new Error(`no cause '${cause}'`);
  return BY_OPERATION[cause]?.[operation] ?? own;
}

// src/diagnosis/verdict-text.ts
var MAX_LINE_CHARS2 = 2e3;
var MAX_LINES = 200;
function clipMiddle(line, max = MAX_LINE_CHARS2) {
  if (line.length <= max) return line;
  const head = Math.ceil((max - 1) / 2);
  return `${line.slice(0, head)}\u2026${line.slice(line.length - (max - 1 - head))}`;
}
var SPLIT_MAX = 64 * 1024;
function bounded(text2) {
  if (text2.length <= SPLIT_MAX) {
    const all = text2.split("\n");
    const lines2 = all.length > MAX_LINES ? all.slice(all.length - MAX_LINES) : all;
    for (let i = 0; i < lines2.length; i++)
      if (lines2[i].length > MAX_LINE_CHARS2) lines2[i] = clipMiddle(lines2[i]);
    return lines2;
  }
  const lines = [];
  let end = text2.length;
  while (lines.length < MAX_LINES && end >= 0) {
    const start = end > 0 ? text2.lastIndexOf("\n", end - 1) : -1;
    lines.push(clipMiddle(text2.slice(start + 1, end)));
    if (start < 0) break;
    end = start;
  }
  return lines.reverse();
}
var QUOTES = [
  ['process "', '" did not complete successfully'],
  ["executor failed running [", "]: "],
  ["The command '", "' returned a non-zero code"]
];
function withoutCommand(line) {
  if (!line.includes('"') && !line.includes("[") && !line.includes("'")) return line;
  for (const [open, close] of QUOTES) {
    const i = line.indexOf(open);
    if (i < 0) continue;
    const j = line.lastIndexOf(close);
    if (j >= i + open.length) line = `${line.slice(0, i + open.length)}\u2026${line.slice(j)}`;
  }
  return line;
}
var RUN_HEADER = /^(#\d+ |\s{0,8}> )(\[[^\]\n]{0,200}\] )?RUN\b/;
var STEP_NUMBER = /^#\d+ /;
var EXCERPT_LINE = /^\s{0,8}\d{1,7} \| /;
var SUMMARY_LOG = /^\s{0,8}(?:#\d+ )?\d+\.\d+ /;
var STEP_WORDS = ["RUN", 'process "', "executor failed running [", "The command '", " | "];
function quotesStep(text2) {
  for (const w of STEP_WORDS) if (text2.includes(w)) return true;
  return false;
}
function verdictText(text2) {
  if (text2.length <= MAX_LINE_CHARS2 && !quotesStep(text2)) return { own: text2, step: text2 };
  const { own, step } = verdictLines(bounded(text2));
  return { own, step };
}
var ERROR_LINE = /^(?:ERROR|Error|error): /;
function verdictLines(lines) {
  const own = [];
  const step = [];
  const errors = [];
  let same = true;
  const runSteps = /* @__PURE__ */ new Set();
  let inSummary = false;
  let summaryRun = false;
  for (const raw of lines) {
    const line = withoutCommand(raw);
    if (line !== raw) same = false;
    const c = line[0];
    if (line === "------") {
      inSummary = !inSummary;
      summaryRun = false;
    }
    const header = c === "#" || c === " " || c === ">" ? line.match(RUN_HEADER) : null;
    if (header) {
      if (header[1].startsWith("#")) runSteps.add(header[1]);
      else summaryRun = inSummary;
      own.push(`${header[0]} \u2026`);
      step.push(`${header[0]} \u2026`);
      same = false;
      continue;
    }
    if ((c === " " || c >= "0" && c <= "9") && EXCERPT_LINE.test(line)) {
      same = false;
      continue;
    }
    step.push(line);
    if (c === "#" && runSteps.size) {
      const number = line.match(STEP_NUMBER);
      if (number && runSteps.has(number[0])) {
        same = false;
        continue;
      }
    }
    if (summaryRun && SUMMARY_LOG.test(line)) {
      same = false;
      continue;
    }
    own.push(line);
    if ((c === "E" || c === "e") && ERROR_LINE.test(line)) errors.push(line);
  }
  const ownText = own.join("\n");
  return {
    own: ownText,
    step: same ? ownText : step.join("\n"),
    error: errors.length ? errors.slice(-3).join("\n") : ownText
  };
}

// src/diagnosis/reading.ts
var WRAPPER2 = /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z ?|\[\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d{1,9})?\] ?|##\[error\]|(?:Error: )?buildx(?: bake)? failed with: |(?:CRITICAL|ERROR|WARNING|INFO|DEBUG):[\w.]{1,100}:|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - (?:[\w.]{1,100} - )?(?:CRITICAL|ERROR|WARNING|INFO|DEBUG) - |[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d {1,2}(?:[\w.-]{1,64} )?[\w.-]{1,64}(?:\[\d{1,10}\])?: |\s{0,16}[│┃] |> ?(?=ERROR|Error|error|failed to |#\d))/;
var ERROR_START = /^(?:ERROR|Error|error): |^failed to (?:solve|build)\b/;
var RECORD = /^(?:#\d|ERROR|Error|error|WARN|INFO|DEBUG|failed to (?:solve|build)|-{3}|\s{0,8}\d{1,7} \||\d{1,6}\.\d{1,6} |>|=>|\[|Dockerfile|\S{0,200}Dockerfile:\d|panic|fatal error|goroutine|View build details|errors:|\w{1,40}:$)/;
var MAX_JOIN2 = 8;
function mayWrap(l) {
  const c = l.charCodeAt(0);
  if (c >= 97 && c <= 122) return c === 98;
  if (c === 35) return l.charCodeAt(1) === 35;
  return l.length > 0;
}
function unwrap(line) {
  let l = line.endsWith("\r") ? line.slice(0, -1) : line;
  for (let pass = 0; pass < 4 && mayWrap(l); pass++) {
    const m = WRAPPER2.exec(l);
    if (!m || !m[0]) break;
    l = l.slice(m[0].length);
  }
  return l;
}
function rejoinLines(text2) {
  const out = [];
  let joins = -1;
  for (const raw of bounded(text2)) {
    const line = unwrap(raw);
    if (joins >= 0 && joins < MAX_JOIN2 && line.trim() && !/^\s/.test(line) && !RECORD.test(line)) {
      const prev = out[out.length - 1];
      if (prev.length >= 40) {
        out[out.length - 1] = `${prev} ${line}`;
        joins++;
        continue;
      }
    }
    const c = line[0];
    joins = (c === "E" || c === "e" || c === "f") && ERROR_START.test(line) ? 0 : -1;
    out.push(line);
  }
  return out;
}
function views(text2) {
  if (text2.length <= MAX_LINE_CHARS2 && !text2.includes("\n")) {
    const own = verdictText(unwrap(text2)).own;
    return { own, step: own, error: own };
  }
  const lines = rejoinLines(text2);
  for (let i = 0; i < lines.length; i++)
    if (lines[i].length > MAX_LINE_CHARS2) lines[i] = clipMiddle(lines[i]);
  return verdictLines(lines);
}
function operationOf(own, error, hints) {
  const hinted = hints.vertex !== void 0 ? vertexOperation(hints.vertex) : void 0;
  if (hinted) return { operation: hinted, operationFrom: "vertex" };
  const first = own.slice(0, own.indexOf("\n") + 1 || own.length).match(/^#\d{1,6} (.{1,300})/);
  const fromFirst = first ? vertexOperation(first[1]) : void 0;
  if (fromFirst) return { operation: fromFirst, operationFrom: "vertex" };
  let summary;
  for (const line of own.includes("> ") ? own.split("\n") : []) {
    const m = line.match(/^\s{0,8}> (.{1,300})/);
    const op = m ? vertexOperation(m[1]) : void 0;
    if (op) summary = op;
  }
  if (summary) return { operation: summary, operationFrom: "summary" };
  const chained = chainOperation(error);
  if (chained) return { operation: chained, operationFrom: "chain" };
  const last = hints.lastVertex !== void 0 ? vertexOperation(hints.lastVertex) : void 0;
  return last ? { operation: last, operationFrom: "last-vertex" } : { operation: "none", operationFrom: "none" };
}
var FailureReading = class {
  constructor(own, error, hints, causes, cause) {
    this.own = own;
    this.error = error;
    this.hints = hints;
    this.causes = causes;
    if (cause) this.cause = cause;
    const id = cause ? cause.id : NO_CAUSE;
    this.category = categoryOf(dependsOnOperation(id) ? this.operation : "none", id);
  }
  own;
  error;
  hints;
  causes;
  #read;
  category;
  #operationRead() {
    return this.#read ??= operationOf(this.own, this.error, this.hints);
  }
  get operation() {
    return this.#operationRead().operation;
  }
  get operationFrom() {
    return this.#operationRead().operationFrom;
  }
};
function readFailure(text2, hints = {}) {
  const v = views(text2);
  let error = v.error;
  const inner = hints.vertexError ? withoutCommand(clipMiddle(unwrap(hints.vertexError))) : "";
  if (inner && !error.includes(inner)) error = `${error}
${inner}`;
  const base = Math.max(0, v.own.length - error.length);
  const causes = [];
  let best;
  let bestAt = 0;
  const stepText = new CauseText(v.step);
  const own = v.own === v.step ? stepText : new CauseText(v.own, stepText);
  const errorText = error === v.own ? own : new CauseText(error, error === v.error ? stepText : void 0);
  for (let i = 0; i < ERROR_PATTERNS.length; i++) {
    const p = ERROR_PATTERNS[i];
    if (best && p.tier > best.tier) break;
    const m = matchCauseAt(i, p.scope === "error" ? errorText : p.scope === "all" ? own : stepText);
    if (!m) continue;
    const at = p.scope === "step" ? Number.MAX_SAFE_INTEGER : (p.scope === "error" ? base : 0) + m.index + m[0].length;
    causes.push({ id: p.id, tier: p.tier, at });
    if (!best || p.tier < best.tier || p.tier === best.tier && at > bestAt) {
      best = p;
      bestAt = at;
    }
  }
  return new FailureReading(v.own, error, hints, causes, best);
}

// src/diagnosis/classify.ts
function matchPattern(text2, hints = {}) {
  return readFailure(text2, hints).cause;
}
function classification(category, reason, extra = {}) {
  return { category, retryable: RETRYABLE.has(category), reason, ...extra };
}
var OPERATION_REASON = {
  builder: "bringing the builder up",
  session: "talking to BuildKit",
  dockerfile: "reading the Dockerfile",
  context: "sending the build context",
  "resolve-image": "resolving an image",
  "cache-import": "importing the cache",
  step: "running a step",
  copy: "copying files (COPY/ADD)",
  push: "exporting or pushing the image",
  "cache-export": "exporting the build cache",
  none: "building"
};
function reasonOf(r) {
  const p = r.cause;
  if (!p)
    return r.category === "unknown" ? "no known pattern matched the error" : OPERATION_REASON[r.operation];
  if (p.category === r.category) return p.reason;
  return `${p.reason}, while ${OPERATION_REASON[r.operation]}`;
}
function classify(text2, opts = {}) {
  if (opts.timedOut) {
    return classification("transport", "the attempt exceeded attempt-timeout-minutes", {
      pattern: "attempt-timeout",
      remedy: "a hung attempt is retried; raise attempt-timeout-minutes if the build needs longer"
    });
  }
  if (opts.cancelled || opts.exitCode === 130) {
    return classification("cancelled", "the build was cancelled");
  }
  const r = readFailure(text2, opts);
  const id = r.cause?.id ?? NO_CAUSE;
  const remedy2 = dependsOnOperation(id) && overridden(r.operation, id) ? OPERATION_REMEDY[r.category] ?? r.cause?.remedy : r.cause?.remedy;
  const base = {
    category: r.category,
    retryable: RETRYABLE.has(r.category),
    reason: reasonOf(r)
  };
  if (r.cause) base.pattern = r.cause.id;
  if (remedy2) base.remedy = remedy2;
  const full = opts.retryPatterns?.length ? bounded(text2).join("\n") : "";
  const custom = opts.retryPatterns?.find((re) => re.test(full));
  if (custom && !base.retryable) {
    return { ...base, retryable: true, reason: `${base.reason}; matches retry-patterns /${custom.source}/` };
  }
  return base;
}
function mentions(id, text2) {
  const p = errorPattern(id);
  return p.pattern.test(verdictText(text2)[p.scope === "step" ? "step" : "own"]);
}
var REGISTRY_BUSY = /\b(?:429 Too Many Requests|503 Service Unavailable)\b|\btoomanyrequests\b|unexpected status(?: code)?:? (?:429|503)\b/i;
var RETRY_AFTER = /retry[- ]after\W{0,3}(\d{1,5})/i;
function retryAfterSeconds(text2) {
  for (const line of verdictText(text2).own.split("\n").reverse()) {
    if (!REGISTRY_BUSY.test(line)) continue;
    const m = line.match(RETRY_AFTER);
    if (m) return Number(m[1]);
  }
  return void 0;
}

// src/diagnosis/stall.ts
var REGISTRY_STEP = /\b(?:exporting to (?:image|oci image format|docker image format)|pushing|exporting cache|exporting manifest|exporting config|writing image|writing cache|naming to|preparing layers for inline cache|imagetools)\b/i;
function isRegistryStep(step) {
  return step !== void 0 && REGISTRY_STEP.test(step);
}
var REGISTRY_HOST = /(?:pushing(?: (?:manifest|layers?|config))?(?: for)?|naming to|exporting cache to|copying [^\s"]+ from [^\s"]+ to|manifest for) ([a-z0-9][a-z0-9.-]*(?::\d+)?)\//gi;
function registryHostIn(text2) {
  let host;
  for (const m of text2.matchAll(REGISTRY_HOST)) {
    if (/[.:]/.test(m[1]) || m[1] === "localhost") host = m[1];
  }
  return host;
}
function referenceHost(ref) {
  const first = ref.trim().split("/")[0].toLowerCase();
  return ref.includes("/") && (/[.:]/.test(first) || first === "localhost") ? first : "docker.io";
}
function pushHosts(tags) {
  return [...new Set(tags.filter((t) => t.trim()).map(referenceHost))];
}
function describeStall(s) {
  const quiet = `no progress for ${Math.round(s.quietMs / 1e3)} s${s.step ? ` while ${s.step} ran` : ""}`;
  if (s.registry) {
    return `the push stalled: ${quiet}; every node answers, so the registry${s.registry.host ? ` ${s.registry.host}` : ""} stopped answering`;
  }
  const nodes = s.nodes.map((n) => `node '${n.name}'${n.endpoint ? ` (${n.endpoint})` : ""}: ${n.reason}`).join("; ");
  return `the build stalled: ${quiet}, and ${nodes}`;
}
function stallClassification(s) {
  return s.registry ? classification("registry", describeStall(s), {
    pattern: "stalled-registry",
    remedy: `check the registry${s.registry.host ? ` ${s.registry.host}` : ""}: it accepted the upload and stopped answering (overloaded, rate limiting by silence, or a proxy in between holding the connection); stall-timeout-seconds sets how long a silent push is tolerated`
  }) : classification("transport", describeStall(s), {
    pattern: "stalled-build",
    remedy: "check the node named: a BuildKit that stops answering mid-build is usually overloaded, out of memory, or cut off from the runner"
  });
}

// src/attempts/watchdog.ts
var StallWatch = class {
  constructor(opts) {
    this.opts = opts;
    this.last = this.now();
  }
  opts;
  last;
  probing = false;
  quietSaid = false;
  timer;
  stall;
  now() {
    return this.opts.now?.() ?? Date.now();
  }
  /** Progress arrived (any output of buildx). */
  progress() {
    this.last = this.now();
    this.quietSaid = false;
  }
  start() {
    const every = Math.min(5e3, Math.max(250, Math.floor(this.opts.timeoutMs / 5)));
    this.timer = setInterval(() => void this.check(), every);
    this.timer.unref();
  }
  stop() {
    clearInterval(this.timer);
  }
  /** One look: probe when the build has been silent for the timeout. */
  async check() {
    if (this.probing || this.stall) return;
    const quietMs = this.now() - this.last;
    if (quietMs < this.opts.timeoutMs) return;
    this.probing = true;
    let silent;
    try {
      silent = await this.opts.probe();
    } catch (e) {
      silent = [{ name: "?", endpoint: "", reason: e instanceof Error ? e.message : String(e) }];
    } finally {
      this.probing = false;
    }
    if (this.now() - this.last < this.opts.timeoutMs) return;
    const step = this.opts.runningStep();
    const registry = !silent.length && (this.opts.waitsOnRegistry ?? isRegistryStep)(step);
    if (!silent.length && !registry) {
      if (!this.quietSaid) this.opts.onQuiet(step, quietMs);
      this.quietSaid = true;
      return;
    }
    const host = registry ? this.opts.registryHost?.() : void 0;
    this.stall = {
      nodes: silent,
      step,
      quietMs: this.now() - this.last,
      ...registry ? { registry: host ? { host } : {} } : {}
    };
    this.stop();
    this.opts.onStall(this.stall);
  }
};

// src/attempts/render.ts
function renderEvent(e) {
  switch (e.kind) {
    case "started":
      return `#${e.step.number} ${e.step.name}`;
    case "log": {
      const t = e.step.startedMs !== void 0 ? ((Date.now() - e.step.startedMs) / 1e3).toFixed(3) : "";
      return `#${e.step.number} ${t ? `${t} ` : ""}${e.line}`;
    }
    case "completed":
      if (e.step.error) return `#${e.step.number} ERROR: ${e.step.error}`;
      if (e.step.cached) return `#${e.step.number} CACHED`;
      return `#${e.step.number} DONE ${((e.step.durationMs ?? 0) / 1e3).toFixed(1)}s`;
    case "text":
      return e.line;
  }
}

// src/attempts/attempt.ts
async function runAttempt(buildx, args, logFile, opts) {
  let logError;
  const file = createWriteStream(logFile);
  file.on("error", (e) => logError ??= `${describeFsError(e)} (${logFile})`);
  const running = /* @__PURE__ */ new Map();
  const stop = new AbortController();
  let registryHost;
  const watch = opts.stall ? new StallWatch({
    ...opts.stall,
    runningStep: () => {
      const s = [...running.values()].pop();
      return s ? s.name || s.id : void 0;
    },
    registryHost: () => registryHost,
    onStall: () => stop.abort()
  }) : void 0;
  const parser = new TraceParser(
    (e) => {
      if (e.kind === "started") running.set(e.step.id, e.step);
      else if (e.kind === "completed") running.delete(e.step.id);
      const line = renderEvent(e);
      if (line !== void 0) opts.out(line);
    },
    { targets: opts.targets }
  );
  const lines = new LineSplitter((l) => parser.push(l));
  const stdout = new LineSplitter((l) => opts.out(l));
  watch?.start();
  const result = await buildx.buildx(args, {
    capture: false,
    timeoutMs: opts.timeoutMs,
    ...opts.cwd ? { cwd: opts.cwd } : {},
    ...opts.env ? { env: opts.env } : {},
    signal: opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal,
    onStderr: (chunk) => {
      watch?.progress();
      if (watch) registryHost = registryHostIn(chunk.toString()) ?? registryHost;
      if (!logError) file.write(chunk);
      lines.push(chunk);
    },
    onStdout: (chunk) => stdout.push(chunk)
  });
  watch?.stop();
  lines.end();
  stdout.end();
  file.end();
  await finished(file).catch(() => {
  });
  return {
    result,
    trace: withTruncated(parser.finish(), lines.truncated),
    ...logError ? { logError } : {},
    ...watch?.stall ? { stall: watch.stall } : {}
  };
}

// src/attempts/retry.ts
function backoffMs(retry, rateLimited, config, random) {
  const cap = config.maxWaitSeconds * 1e3;
  const exp = Math.min(cap, config.waitSeconds * 1e3 * 2 ** (retry - 1));
  if (rateLimited) {
    const long = Math.min(cap, exp * 4);
    return Math.round(long / 2 + random() * (long / 2));
  }
  return Math.round(random() * exp);
}
function waitBeforeRetry(retry, text2, rateLimited, config, random) {
  const backoff = backoffMs(retry, rateLimited, config, random);
  const asked = retryAfterSeconds(text2);
  return asked === void 0 ? backoff : Math.min(config.maxWaitSeconds * 1e3, Math.max(backoff, asked * 1e3));
}
function isRateLimited(text2) {
  return mentions("registry-rate-limit", text2);
}
function decide(c, attempt, crashes, config) {
  if (!c.retryable) return { retry: false, why: `${c.category} failures are not retried (${c.reason})` };
  if (attempt >= config.maxAttempts)
    return { retry: false, why: `no attempts left (max-attempts ${config.maxAttempts})` };
  if (c.category === "crash" && crashes > config.maxCrashRetries) {
    return {
      retry: false,
      why: `a crash was already retried ${config.maxCrashRetries} time(s) (max-crash-retries)`
    };
  }
  return { retry: true, why: `${c.category}: ${c.reason}` };
}
function planRetry(c, attempt, crashes, text2, config, random) {
  const d = decide(c, attempt, crashes, config);
  if (!d.retry) return { retry: false, why: d.why, decision: `stopped: ${d.why}` };
  const waitMs = waitBeforeRetry(
    attempt,
    text2,
    c.category === "registry" && isRateLimited(text2),
    config,
    random
  );
  return {
    retry: true,
    why: d.why,
    waitMs,
    decision: `retried after ${(waitMs / 1e3).toFixed(1)} s: ${d.why}`
  };
}
function judgeFailure(attempt, n, result, stall, crashes, config, random) {
  const text2 = failureText(attempt.trace, result.stderrTail);
  const c = stall ? stallClassification(stall) : classify(text2, {
    ...failureHints(attempt.trace),
    exitCode: result.code,
    cancelled: result.cancelled,
    timedOut: result.timedOut,
    retryPatterns: config.patterns
  });
  if (stall) attempt.stall = stall;
  attempt.classification = c;
  if (c.category === "crash") crashes.count++;
  const plan = planRetry(c, n, crashes.count, text2, config, random);
  attempt.decision = plan.decision;
  return { classification: c, plan };
}

// src/attempts/run.ts
function checkContext(config, cwd = process.cwd()) {
  const { context, file } = config.build;
  if (/^[a-z]+:\/\//i.test(context) || context.startsWith("git@") || context === "-") return;
  const dir = isAbsolute2(context) ? context : join7(cwd, context);
  if (!existsSync3(dir) || !statSync2(dir).isDirectory()) {
    throw new UserError(
      `Build context '${context}' (input 'context') is not a folder of this workspace; check out the code first or fix the path.`,
      "context"
    );
  }
  if (file === "-") return;
  const dockerfile = file ? isAbsolute2(file) ? file : join7(cwd, file) : join7(dir, "Dockerfile");
  if (!existsSync3(dockerfile)) {
    throw new UserError(
      file ? `Dockerfile '${file}' (input 'file') does not exist.` : `No Dockerfile in build context '${context}'; add one or set input 'file' to its path.`,
      file ? "file" : "context"
    );
  }
  checkReadable(dockerfile, "dockerfile", file || join7(context, "Dockerfile"));
}
function invocation(config, builder, deps, files, bake) {
  if (config.bake && bake) {
    return {
      args: bakeArgs(config.bake, config.build, { builder, metadataFile: files.metadataFile }),
      cwd: bake.cwd,
      env: { ...metadataEnv(deps.buildx.env), ...bake.env },
      targets: bake.targets.map((t) => t.name)
    };
  }
  const build = buildCommand(
    config.build,
    {
      builder,
      ...files,
      secretSpecs: secretSpecs(config.build, join7(deps.tempDir, "secrets"), deps.mask)
    },
    deps.buildx.env
  );
  return { env: { ...metadataEnv(deps.buildx.env), ...build.env }, args: build.args };
}
async function runBuild(config, builder, deps, bake) {
  const sleep = deps.sleep ?? ((ms) => abortableSleep(ms, deps.signal));
  const random = deps.random ?? Math.random;
  const metadataFile = join7(deps.tempDir, "metadata.json");
  const iidFile = join7(deps.tempDir, "iid.txt");
  const run2 = invocation(config, builder, deps, { metadataFile, iidFile }, bake);
  const args = run2.args;
  const produced = (success, trace) => run2.targets ? bakeResult(metadataFile, run2.targets, success, trace) : success ? readResult(metadataFile, iidFile) : { metadata: "", imageid: "", digest: "" };
  const timeoutMs = config.retry.attemptTimeoutMinutes > 0 ? config.retry.attemptTimeoutMinutes * 6e4 : void 0;
  const attempts = [];
  const crashes = { count: 0 };
  const stallMs = config.retry.stallTimeoutSeconds * 1e3;
  const probe = deps.probeNodes;
  const watch = stallMs > 0 && probe ? {
    timeoutMs: stallMs,
    // The cheapest real check: buildx asks each node, within the stall timeout (30 s at most).
    probe: () => probe(Math.min(3e4, Math.max(2e3, stallMs))),
    onQuiet: (step, quietMs) => deps.info(
      `No build output for ${Math.round(quietMs / 1e3)} s${step ? ` while ${step} runs` : ""}; every node answers, so the step is quiet, not stalled: waiting.`
    )
  } : void 0;
  for (let n = 1; ; n++) {
    const logFile = join7(deps.tempDir, `attempt-${n}.log`);
    const startedMs = Date.now();
    const {
      result,
      trace: logTrace,
      logError,
      stall
    } = await deps.group(
      `${run2.targets ? "Bake" : "Build"}, attempt ${n} of ${config.retry.maxAttempts}`,
      () => runAttempt(deps.buildx, args, logFile, {
        timeoutMs,
        cwd: run2.cwd,
        env: run2.env,
        targets: run2.targets,
        signal: deps.signal,
        out: deps.out,
        stall: watch
      })
    );
    if (logError) deps.info(`The log of attempt ${n} could not be written: ${logError}; the build goes on.`);
    const attempt = {
      number: n,
      exitCode: result.code,
      durationMs: result.durationMs,
      logFile,
      timedOut: result.timedOut,
      cancelled: result.cancelled,
      trace: logTrace
    };
    attempts.push(attempt);
    if (result.code === 0 && !result.timedOut && !result.cancelled) {
      return { success: true, attempts, ...produced(true) };
    }
    const record = stall || result.cancelled ? void 0 : await deps.readRecord?.(startedMs, run2.targets);
    const trace = record ? withRecord(logTrace, record) : logTrace;
    attempt.trace = trace;
    const { classification: c, plan } = judgeFailure(
      attempt,
      n,
      result,
      stall,
      crashes,
      config.retry,
      random
    );
    if (!plan.retry) {
      deps.info(`Attempt ${n} failed (${c.category}): ${plan.why}.`);
      return { success: false, attempts, failure: c, stopReason: plan.why, ...produced(false, trace) };
    }
    const wait2 = plan.waitMs;
    attempt.waitMs = wait2;
    deps.info(
      `Attempt ${n} failed (${c.category}: ${c.reason}); checking the nodes, then retrying in ${(wait2 / 1e3).toFixed(1)} s.`
    );
    await sleep(wait2);
    if (deps.signal?.aborted) {
      return {
        success: false,
        attempts,
        failure: c,
        stopReason: "the job was cancelled",
        ...produced(false, trace)
      };
    }
    try {
      await deps.recheckNodes();
    } catch (e) {
      const why = `a node is down, so retrying cannot help: ${e instanceof Error ? e.message : String(e)}`;
      attempt.decision = `stopped: ${why}`;
      const failed2 = e.failed;
      if (Array.isArray(failed2))
        attempt.downNodes = failed2.map((n2) => ({
          name: String(n2.name ?? ""),
          endpoint: String(n2.endpoint ?? "")
        }));
      return { success: false, attempts, failure: c, stopReason: why, ...produced(false, trace) };
    }
  }
}
function readResult(metadataFile, iidFile) {
  const metadata = readMetadata(metadataFile);
  const parsed = parseMetadata(metadata);
  const imageid = existsSync3(iidFile) ? readBounded(iidFile, "image-id").trim() : String(parsed["containerimage.config.digest"] ?? "");
  return { metadata, imageid, digest: String(parsed["containerimage.digest"] ?? "") };
}
function abortableSleep(ms, signal) {
  return new Promise((resolve4) => {
    if (signal?.aborted) return resolve4();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve4();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

// src/github/github.ts
import { randomUUID } from "node:crypto";
function readContext(env = process.env) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) return void 0;
  let event = {};
  try {
    if (env.GITHUB_EVENT_PATH) event = JSON.parse(readBounded(env.GITHUB_EVENT_PATH, "event"));
  } catch {
    event = {};
  }
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/$/, "");
  return {
    owner,
    repo,
    apiUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/$/, ""),
    serverUrl,
    headSha: event.pull_request?.head?.sha ?? env.GITHUB_SHA ?? "",
    pullNumber: event.pull_request?.number,
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID ?? ""}`
  };
}
var ReportError = class extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
    this.name = "ReportError";
  }
  status;
};
function describe2(what2, e) {
  const err = e;
  const status = err.status;
  const msg = (err.message ?? String(e)).split("\n")[0];
  let why;
  if (/^no answer within /.test(msg)) why = msg;
  else if (status === 401) why = "the token was rejected (check github-token)";
  else if (status === 403 && err.response?.headers?.["x-ratelimit-remaining"] === "0")
    why = "the API rate limit is exhausted";
  else if (status === 403)
    why = `the token may not do this (${msg}): a pull request from a fork gets a read-only token, or the workflow lacks 'pull-requests: write' / 'checks: write'`;
  else if (status === 404) why = `not found (${msg}): the token cannot see this repository or pull request`;
  else if (status === 429) why = "the API rate limit is exhausted";
  else if (status && status >= 500) why = `GitHub answered ${status} (${msg})`;
  else why = msg;
  return new ReportError(`Could not ${what2}: ${why}.`, status);
}
var ANNOTATIONS_PER_REQUEST = 50;
var REQUEST_TIMEOUT_MS = 2e4;
var REQUEST_RETRIES = 2;
var ACTIONS_BOT = "github-actions[bot]";
function mayRepeat(method, url) {
  const m = (method ?? "GET").toUpperCase();
  return m === "GET" || m === "HEAD" || m === "PATCH" && /\/issues\/comments\/\d+$/.test(new URL(url).pathname);
}
function outcomeUnknown(e) {
  const status = e.status;
  return status === void 0 || status >= 500;
}
function patientFetch(timeoutMs = REQUEST_TIMEOUT_MS, retries = REQUEST_RETRIES, stop) {
  return async (url, init) => {
    const tries = mayRepeat(init?.method, String(url instanceof Request ? url.url : url)) ? retries : 0;
    for (let attempt = 0; ; attempt++) {
      const signals = [
        AbortSignal.timeout(timeoutMs),
        ...init?.signal ? [init.signal] : [],
        ...stop ? [stop] : []
      ];
      try {
        const res = await fetch(url, { ...init, signal: AbortSignal.any(signals) });
        if (res.status < 500 || attempt >= tries) return res;
      } catch (e) {
        if (init?.signal?.aborted || stop?.aborted || attempt >= tries) {
          throw e.name === "TimeoutError" ? new Error(
            `no answer within ${Math.round(timeoutMs / 1e3)} s (${tries + 1} ${tries ? "tries" : "try"})`
          ) : e;
        }
      }
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  };
}
var GitHub = class {
  constructor(token, ctx, opts = {}) {
    this.ctx = ctx;
    this.token = token;
    this.timeouts = opts;
  }
  ctx;
  /** The client, loaded on first use: a run that reports nothing to GitHub never loads it. */
  octokitP;
  token;
  timeouts;
  identity;
  stop = new AbortController();
  client() {
    this.octokitP ??= import("./chunk-7NKHNYQV.js").then(
      ({ Octokit }) => new Octokit({
        auth: this.token,
        baseUrl: this.ctx.apiUrl,
        userAgent: "buildx-guard",
        log: { debug() {
        }, info() {
        }, warn() {
        }, error() {
        } },
        request: { fetch: patientFetch(this.timeouts.timeoutMs, this.timeouts.retries, this.stop.signal) }
      })
    );
    return this.octokitP;
  }
  /** Gives up every request still waiting (the reporting budget is spent). */
  abort() {
    this.stop.abort();
  }
  /**
   * The login behind the token: a person's for a personal token (REST /user), a GitHub App's bot
   * (`<slug>[bot]`) for an installation token, which cannot read /user but can ask GraphQL's
   * `viewer`. Undefined when neither answers (then GITHUB_TOKEN's bot is assumed).
   */
  whoAmI() {
    const denied = (e) => {
      const status = e.status;
      return status === 401 || status === 403;
    };
    this.identity ??= this.client().then(
      (c) => c.rest.users.getAuthenticated().then(
        (r) => r.data.login,
        (e) => {
          if (!denied(e)) throw describe2("find out who the token belongs to", e);
          return c.graphql("query { viewer { login } }").then(
            (r) => typeof r.viewer?.login === "string" && r.viewer.login ? r.viewer.login : void 0,
            () => void 0
          );
        }
      )
    );
    return this.identity;
  }
  /**
   * A comment this token wrote: its own login (a person's, or a GitHub App's bot), or when that
   * cannot be known the `github-actions[bot]` bot's. Another bot's comment with our marker is not ours.
   */
  async isOwn(user) {
    const me = await this.whoAmI();
    return me ? user?.login === me : user?.type === "Bot" && user.login === ACTIONS_BOT;
  }
  /**
   * Creates or updates the comment carrying `marker` on the pull request; never adds a second one.
   * Returns the comment id and whether it was created.
   */
  async upsertComment(pullNumber, marker2, body) {
    const { owner, repo } = this.ctx;
    const update = async (id) => {
      try {
        await (await this.client()).rest.issues.updateComment({ owner, repo, comment_id: id, body });
      } catch (e) {
        throw describe2("update the pull request comment", e);
      }
    };
    const existing = await this.findComment(pullNumber, marker2);
    if (existing !== void 0) {
      await update(existing);
      return { id: existing, created: false };
    }
    const create = async () => (await this.client()).rest.issues.createComment({ owner, repo, issue_number: pullNumber, body });
    try {
      return { id: (await create()).data.id, created: true };
    } catch (e) {
      if (!outcomeUnknown(e)) throw describe2("comment on the pull request", e);
      const made = await this.lookupComment(pullNumber, marker2);
      if (made !== void 0) {
        await update(made);
        return { id: made, created: true };
      }
      try {
        return { id: (await create()).data.id, created: true };
      } catch (again) {
        throw describe2("comment on the pull request", again);
      }
    }
  }
  /** Lookups started early (prefetchComment), each used once by findComment. */
  early = /* @__PURE__ */ new Map();
  /**
   * Starts looking up the sticky comment (and loading the client) while the build runs, so that
   * reporting waits for no lookup. A lookup that fails here is simply done again when needed.
   */
  prefetchComment(pullNumber, marker2) {
    const key = `${pullNumber}
${marker2}`;
    if (this.early.has(key)) return;
    const lookup = this.lookupComment(pullNumber, marker2);
    lookup.catch(() => this.early.delete(key));
    this.early.set(key, lookup);
  }
  /**
   * The id of the comment carrying `marker` that this token wrote (a person's comment that quotes
   * the marker is never taken over), reading every page of the pull request's comments.
   */
  async findComment(pullNumber, marker2) {
    const key = `${pullNumber}
${marker2}`;
    const early = this.early.get(key);
    this.early.delete(key);
    if (early) {
      try {
        return await early;
      } catch {
      }
    }
    return this.lookupComment(pullNumber, marker2);
  }
  async lookupComment(pullNumber, marker2) {
    const { owner, repo } = this.ctx;
    try {
      const comments = await (await this.client()).paginate((await this.client()).rest.issues.listComments, {
        owner,
        repo,
        issue_number: pullNumber,
        per_page: 100
      });
      for (const c of comments) if (c.body?.includes(marker2) && await this.isOwn(c.user)) return c.id;
      return void 0;
    } catch (e) {
      if (e instanceof ReportError) throw e;
      throw describe2("read the pull request comments", e);
    }
  }
  /**
   * One completed check run on `headSha` with every annotation: the first 50 with the create call,
   * the rest appended 50 per update. Returns the number of requests made.
   */
  async checkRun(opts) {
    const { owner, repo } = this.ctx;
    const batches = [];
    for (let i = 0; i < opts.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
      batches.push(opts.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    }
    const output = (annotations) => ({
      title: opts.title,
      summary: opts.summary,
      annotations
    });
    const externalId = `buildx-guard-${randomUUID()}`;
    const create = async () => (await (await this.client()).rest.checks.create({
      owner,
      repo,
      name: opts.name,
      head_sha: opts.headSha,
      external_id: externalId,
      status: "completed",
      conclusion: opts.conclusion,
      completed_at: (/* @__PURE__ */ new Date()).toISOString(),
      ...opts.detailsUrl ? { details_url: opts.detailsUrl } : {},
      output: output(batches[0] ?? [])
    })).data.id;
    let id;
    try {
      id = await create();
    } catch (e) {
      if (!outcomeUnknown(e)) throw describe2("create the check run", e);
      let made;
      try {
        const runs = await (await this.client()).rest.checks.listForRef({ owner, repo, ref: opts.headSha, check_name: opts.name, per_page: 100 });
        made = runs.data.check_runs.find((r) => r.external_id === externalId)?.id;
      } catch (listing) {
        throw describe2("read the check runs", listing);
      }
      try {
        id = made ?? await create();
      } catch (again) {
        throw describe2("create the check run", again);
      }
    }
    for (const batch of batches.slice(1)) {
      try {
        await (await this.client()).rest.checks.update({ owner, repo, check_run_id: id, output: output(batch) });
      } catch (e) {
        throw describe2("add annotations to the check run", e);
      }
    }
    return Math.max(1, batches.length);
  }
};

// src/report/publish.ts
import { closeSync, constants, openSync, writeSync } from "node:fs";

// src/findings/dockerfile.ts
var import_dockerfile_ast = __toESM(require_main(), 1);
var { DockerfileParser } = import_dockerfile_ast.default;
var COUNTED = /* @__PURE__ */ new Set(["ADD", "COPY", "RUN", "WORKDIR"]);
function parseDockerfile(text2, path) {
  const doc = DockerfileParser.parse(text2);
  const lines = text2.split("\n");
  const stageNames = /* @__PURE__ */ new Set();
  const stages = [];
  for (const [i, image] of doc.getFROMs().entries()) {
    const asName = image.getBuildStage();
    const name = asName ? asName.toLowerCase() : `stage-${i}`;
    const imageName = image.getImageName() ?? "";
    const ref = refOf(image, lines);
    stages.push({
      name,
      from: {
        ...ref,
        image: imageName,
        tag: image.getImageTag() ?? void 0,
        digest: image.getImageDigest() ?? void 0,
        isStage: stageNames.has(imageName.toLowerCase()) || imageName === "scratch"
      },
      steps: [],
      instructions: []
    });
    stageNames.add(name);
  }
  const all = doc.getInstructions().filter((ins) => ins.getKeyword().toUpperCase() !== "FROM");
  for (const ins of all) {
    const line = ins.getRange().start.line + 1;
    const stage = [...stages].reverse().find((s) => s.from.line < line);
    if (!stage) continue;
    const ref = refOf(ins, lines);
    stage.instructions.push(ref);
    if (COUNTED.has(ref.keyword)) stage.steps.push(ref);
  }
  return { path, stages, lines };
}
function refOf(ins, lines) {
  const r = ins.getRange();
  return {
    keyword: ins.getKeyword().toUpperCase(),
    line: r.start.line + 1,
    endLine: r.end.line + 1,
    text: (lines[r.start.line] ?? "").trim()
  };
}
function runsOnTargetPlatform(model) {
  return model.stages.some(
    (s) => s.instructions.some((i) => i.keyword === "RUN") && !/--platform=\$\{?BUILDPLATFORM\}?/i.test(model.lines.slice(s.from.line - 1, s.from.endLine).join(" "))
  );
}
function locateStep(model, step) {
  if (step.internal || !step.instruction) return void 0;
  const keyword = step.instruction.split(/\s/, 1)[0].toUpperCase();
  const stage = step.stage ? model.stages.find((s) => s.name === step.stage?.toLowerCase()) : model.stages.length === 1 ? model.stages[0] : void 0;
  if (!stage) return byText(model, step.instruction);
  if (keyword === "FROM") return stage.from;
  if (step.index !== void 0 && step.total !== void 0) {
    const offset = step.total === stage.steps.length + 1 ? 1 : 0;
    const ref = stage.steps[step.index - 1 - offset];
    if (ref && ref.keyword === keyword) return ref;
  }
  return byText(model, step.instruction, stage);
}
function byText(model, instruction, stage) {
  const norm = (s) => s.replace(/\\\s*$/g, "").replace(/\s+/g, " ").trim();
  const want = norm(instruction);
  const pool = stage ? stage.instructions : model.stages.flatMap((s) => s.instructions);
  return pool.find((r) => {
    const full = norm(
      model.lines.slice(r.line - 1, r.endLine).map((l) => l.replace(/\\\s*$/, "")).join(" ")
    );
    return full === want || want.startsWith(norm(r.text)) || full.startsWith(want);
  });
}

// src/findings/anchor.ts
function failureLocation(trace) {
  if (trace.excerpt) return { file: trace.excerpt.file, line: trace.excerpt.line };
  const parse2 = trace.error?.match(/dockerfile parse error (?:on )?line (\d+)/i);
  if (parse2) return { line: Number(parse2[1]) };
  const lint2 = trace.error?.match(/lint violations? found for rules?: ([\w, ]+)/);
  if (lint2) {
    const rules = lint2[1].split(/,\s*/);
    const hits = trace.warnings.filter((x) => rules.includes(x.rule) && x.startLine);
    const w = hits.sort((a, b) => a.startLine - b.startLine)[0];
    if (w) return { file: w.file, line: w.startLine };
  }
  return void 0;
}
function dockerfileOf(ctx, target) {
  if (ctx.dockerfiles && target) return ctx.dockerfiles[target];
  return ctx.dockerfile;
}
function anchor(ctx, step, failing = false) {
  const target = step?.target ?? (failing ? ctx.trace.errorTarget : void 0);
  const named = target ? { target } : {};
  const df = dockerfileOf(ctx, target);
  const ref = df && step ? locateStep(df, step) : void 0;
  const at = failing ? failureLocation(ctx.trace) : void 0;
  const recorded = at && ctx.trace.recordUse?.line;
  if (df && ref && !recorded) return { file: df.path, line: ref.line, endLine: ref.endLine, ...named };
  if (at) {
    const endLine = ref?.line === at.line ? ref.endLine : at.line;
    return { file: df?.path ?? at.file ?? "Dockerfile", line: at.line, endLine, ...named };
  }
  return named;
}
function stepLabel(step) {
  const where = [step.target, step.platform, step.stage].filter(Boolean).join(" ");
  return `${where ? `[${where}] ` : ""}${step.instruction ?? step.name}`;
}

// src/findings/markdown-escape.ts
var trusted = (s) => s;
function gfm(literals, ...values) {
  let out = literals[0];
  values.forEach((v, i) => {
    out += (typeof v === "number" ? numberText(v) : v) + literals[i + 1];
  });
  return trusted(out);
}
function numberText(n) {
  return Number.isFinite(n) ? String(n) : "-";
}
function joinMd(parts, sep2 = "\n") {
  return trusted(parts.join(sep2));
}
var INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/g;
var HAS_INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/;
var codePoint = (c) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
function visible(text2) {
  if (!HAS_INVISIBLE.test(text2)) return text2;
  return text2.replace(INVISIBLE, (c) => `<${codePoint(c.charCodeAt(0))}>`);
}
function invisible(c) {
  return c >= 8234 && c <= 8238 || c >= 8294 && c <= 8297 || c === 8206 || c === 8207 || c === 1564 || c >= 8203 && c <= 8205 || c === 8288 || c === 65279;
}
var BREAK = "\u200B";
function unlink(text2) {
  return text2.replace(/([@#])/g, `$1${BREAK}`).replace(/\b(GH\\?-)/gi, `$1${BREAK}`);
}
function text(s) {
  const lead = LEADING_SPACE.exec(s)[0].length;
  let out = "";
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let put;
    if (c < 128) {
      const sign = PROSE_SIGN[c];
      if (sign === 0) {
        if (i === lead && (c === 45 || c === 43 || c === 61)) put = `\\${s[i]}`;
        else if ((c | 32) === 103 && (s.charCodeAt(i + 1) | 32) === 104 && s.charCodeAt(i + 2) === 45 && !wordBefore(s, i)) {
          out += `${s.slice(from, i + 3)}${BREAK}`;
          from = i + 3;
          i += 2;
          continue;
        } else continue;
      } else if (sign === 1) put = `\\${s[i]}`;
      else if (sign === 2) put = `\\${s[i]}${BREAK}`;
      else if (c === 13 && s.charCodeAt(i + 1) === 10) {
        out += `${s.slice(from, i)} `;
        from = i + 2;
        i++;
        continue;
      } else put = " ";
    } else if (invisible(c)) put = `\\<${codePoint(c)}\\>`;
    else continue;
    out += s.slice(from, i) + put;
    from = i + 1;
  }
  return trusted(from === 0 ? s : out + s.slice(from));
}
var PROSE_SIGN = new Uint8Array(128);
for (const c of "\\`*_{}[]()<>!|~&:.$") PROSE_SIGN[c.charCodeAt(0)] = 1;
PROSE_SIGN[64] = PROSE_SIGN[35] = 2;
PROSE_SIGN[13] = PROSE_SIGN[10] = 3;
var LEADING_SPACE = /^[^\S\ufeff]*/;
function wordBefore(s, i) {
  if (i === 0) return false;
  const c = s.charCodeAt(i - 1);
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95;
}
function codeBlock(lines, lang = "") {
  const body = visible(lines.join("\n"));
  const fence = "`".repeat(Math.max(2, longestTicks(body)) + 1);
  return trusted(`${fence}${lang.replace(/[^\w-]/g, "")}
${body}
${fence}`);
}
function oneLineOf(s) {
  const lines = s.split(/\r\n?|\n/);
  if (lines.length === 1) return s;
  const last = lines.length - 1;
  const parts = lines.map((l, i) => i === 0 ? l.trimEnd() : i === last ? l.trimStart() : l.trim());
  return [parts[0], ...parts.slice(1, last).filter(Boolean), parts[last]].join(" ");
}
function longestTicks(s) {
  let longest = 0;
  for (let i = s.indexOf("`"); i >= 0; i = s.indexOf("`", i)) {
    let j = i + 1;
    while (s.charCodeAt(j) === 96) j++;
    if (j - i > longest) longest = j - i;
    i = j;
  }
  return longest;
}
function code(s) {
  const oneLine = oneLineOf(visible(s));
  const ticks = "`".repeat(longestTicks(oneLine) + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
  return trusted(`${ticks}${pad}${oneLine}${pad}${ticks}`);
}
function row(cells) {
  return trusted(`| ${cells.map((c) => c.replace(/\r\n?|\n/g, " ").replace(/\|/g, "\\|")).join(" | ")} |`);
}
function link(label, url) {
  const safe = /^https?:\/\//i.test(url) ? url.replace(/[()<>\s\\"'`]/g, encodeURIComponent) : "#";
  return trusted(`[${label}](${safe})`);
}
function seconds(ms) {
  return ms >= 1e4 ? `${Math.round(ms / 1e3)} s` : `${(ms / 1e3).toFixed(1)} s`;
}
function html(s) {
  return trusted(
    unlink(visible(s)).replace(/[&<>"'|`*_~[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\r\n?|\n/g, " ")
  );
}
function sizeOf(s, unit) {
  return unit === "bytes" ? Buffer.byteLength(s, "utf8") : s.length;
}
function cutMarkdown(markdown, limit, unit) {
  const size = (t) => sizeOf(t, unit);
  const out = [];
  let used = 0;
  let fence;
  let folds = 0;
  const closing = (f, n) => (f ? `
${f}` : "") + "\n\n</details>".repeat(Math.max(0, n));
  for (const line of markdown.split("\n")) {
    let nextFence = fence;
    let nextFolds = folds;
    const f = /^\s{0,3}(`{3,})/.exec(line);
    if (f && !fence) nextFence = f[1];
    else if (fence && line.trim() === fence) nextFence = void 0;
    if (!fence && !nextFence)
      nextFolds += (line.match(/<details>/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
    if (used + size(line) + 1 + size(closing(nextFence, nextFolds)) > limit) break;
    out.push(line);
    used += size(line) + 1;
    fence = nextFence;
    folds = Math.max(0, nextFolds);
  }
  return trusted(out.join("\n") + closing(fence, folds));
}
function htmlComment(s) {
  return trusted(`<!-- ${s.replace(/[^a-zA-Z0-9_./:-]/g, "_").replace(/-(?=-)/g, "-_")} -->`);
}

// src/findings/rules/build-failed.ts
var buildFailed = {
  id: "build-failed",
  description: "The build failed: the failing step at its Dockerfile line, the error, and the last lines the step printed.",
  check(ctx) {
    const { trace, failure } = ctx;
    if (!trace.error && !failure) return [];
    const step = failingStep(trace);
    const error = trace.error ?? step?.error ?? "the build failed";
    const log = step?.logTail.slice(-ctx.options.logLines) ?? [];
    const what2 = step ? gfm`Step ${code(stepLabel(step))} failed` : gfm`The build failed`;
    const why = failure ? gfm` (${text(failure.category)}, ${text(retried(ctx.attempts.length, failure.retryable))})` : gfm``;
    const parts = [gfm`${what2}${why}:`, codeBlock([error])];
    if (log.length)
      parts.push(
        gfm`Last ${log.length} line${log.length === 1 ? gfm`` : gfm`s`} of its output:`,
        codeBlock(log)
      );
    if (step?.clipped)
      parts.push(
        gfm`BuildKit clipped this step's output (log limit ${code(step.clipped)} reached): its last lines may be missing (see ${code("log-clipped")}).`
      );
    const from = trace.recordUse;
    if (from)
      parts.push(
        gfm`The error${from.line ? gfm` and its Dockerfile line` : gfm``} from the build record: ${code(`docker buildx history inspect ${from.ref.split("/").pop()}`)}.`
      );
    return [
      {
        rule: "build-failed",
        severity: "error",
        title: step ? `Build failed at ${stepLabel(step)}`.slice(0, 200) : `Build failed${trace.errorTarget ? ` (target ${trace.errorTarget})` : ""}`,
        message: joinMd(parts, "\n\n"),
        ...anchor(ctx, step, true),
        ...failure?.remedy ? { hint: failure.remedy } : {}
      }
    ];
  }
};
function retried(attempts, retryable) {
  if (attempts > 1) return `after ${attempts} attempts`;
  return retryable ? "transient: retryable" : "not retryable";
}

// src/findings/rules/cache-invalidated.ts
function broadCopy(instruction) {
  const words = instruction.trim().split(/\s+/);
  if (!/^(?:COPY|ADD)$/i.test(words[0])) return false;
  let i = 1;
  while (words[i]?.startsWith("--")) i++;
  return (words[i] === "." || words[i] === "./") && i + 1 < words.length;
}
var DEPENDENCY_INSTALL = /\b(?:npm (?:ci|install|i)\b|yarn(?: install)?\b|pnpm (?:install|i)\b|pip3? install|poetry install|uv (?:sync|pip)|bundle install|go mod download|cargo (?:build|fetch)|mvn\b|gradle\b|composer install|apt-get install|apk add|dotnet restore)/i;
function byStage(steps) {
  const groups = /* @__PURE__ */ new Map();
  for (const s of steps) {
    if (s.internal || s.index === void 0 || cancelledStep(s)) continue;
    const key = `${s.target ?? ""} ${s.stage ?? ""}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)));
}
function firstBreak(steps) {
  let cachedBefore = false;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (cachedBefore && !s.cached && !s.error) return i;
    if (s.cached) cachedBefore = true;
  }
  return -1;
}
var cacheInvalidated = {
  id: "cache-invalidated",
  description: "In a stage, the first step that ran uncached after cached ones (the cache break point), with the time spent re-running what followed.",
  check(ctx) {
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    for (const steps of byStage((ctx.firstTrace ?? ctx.trace).steps)) {
      const breakAt = firstBreak(steps);
      if (breakAt < 0) continue;
      const step = steps[breakAt];
      const after = steps.slice(breakAt).filter((s) => !s.cached);
      const distinct = new Set(after.map((s) => s.index)).size;
      const rerunMs = after.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
      const where = anchor(ctx, step);
      const key = `${where.file ?? ""}:${where.line ?? `${step.target} ${step.instruction}`}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const install = after.slice(1).find((s) => DEPENDENCY_INSTALL.test(s.instruction ?? ""));
      const broad = broadCopy(step.instruction ?? "") && install;
      out.push({
        rule: "cache-invalidated",
        severity: broad ? "warning" : "notice",
        title: `Cache invalidated at ${stepLabel(step)}`.slice(0, 200),
        message: gfm`The cache stopped at ${code(stepLabel(step))}: it and the ${distinct - 1} step${distinct === 2 ? gfm`` : gfm`s`} after it ran again (${text(seconds(rerunMs))}).${broad ? gfm` It copies the whole context before ${code(install.instruction ?? "")}, so any change to any file reinstalls the dependencies.` : gfm``}`,
        hint: broad ? "Copy only the dependency manifests (package.json and its lock file, requirements.txt, go.mod/go.sum, \u2026) before the install step, and the rest of the sources after it." : "Changes to the files this step uses (or to a build argument) invalidate it and every step after it in the stage.",
        impactMs: rerunMs,
        ...where
      });
    }
    return out;
  }
};

// src/findings/rules/exec-format.ts
var { pattern: EXEC_FORMAT2, remedy } = errorPattern("exec-format");
var execFormat = {
  id: "exec-format",
  description: "A step ran a binary built for another architecture (exec format error).",
  check(ctx) {
    const out = [];
    for (const s of ctx.trace.steps) {
      if (s.internal || !(EXEC_FORMAT2.test(s.error ?? "") || s.logTail.some((l) => EXEC_FORMAT2.test(l))))
        continue;
      const platform = s.platform ?? ctx.trace.platforms[0];
      out.push({
        rule: "exec-format",
        severity: "error",
        title: `Binary for another architecture in ${stepLabel(s)}`.slice(0, 200),
        message: gfm`${code(stepLabel(s))} failed with ${code("exec format error")}${platform ? gfm` while building for ${code(platform)}` : gfm``}: it ran a program compiled for a different CPU architecture than the node running the step.`,
        hint: `${remedy.charAt(0).toUpperCase()}${remedy.slice(1)}.`,
        ...anchor(ctx, s, true)
      });
    }
    return out;
  }
};

// src/findings/rules/known-crash.ts
var knownCrash = {
  id: "known-crash",
  description: "A known buildx or BuildKit crash, with the release that fixed it or the workaround.",
  check(ctx) {
    const text2 = [
      ctx.trace.error ?? "",
      ...ctx.trace.tail,
      ...ctx.attempts.map((a) => a.errorText ?? "")
    ].join("\n");
    const out = [];
    for (const k of KNOWN_CRASHES) {
      if (!crashIn(k, text2)) continue;
      out.push({
        rule: "known-crash",
        severity: ctx.failure?.category === "crash" ? "error" : "warning",
        title: `Known crash: ${k.id}`,
        message: gfm`${text(k.what)}. Matched ${code(k.pattern.source)}.`,
        hint: k.fix,
        url: k.url
      });
    }
    return out;
  }
};

// src/findings/rules/large-context.ts
var largeContext = {
  id: "large-context",
  description: "The build context sent to BuildKit is larger than context-size-warn-mb (default 50 MB).",
  check(ctx) {
    const mb = Math.max(ctx.trace.contextBytes, ctx.firstTrace?.contextBytes ?? 0) / 1e6;
    if (mb <= ctx.options.contextSizeWarnMb) return [];
    return [
      {
        rule: "large-context",
        severity: "warning",
        title: `Large build context: ${mb.toFixed(1)} MB`,
        message: gfm`The build sent ${text(mb.toFixed(1))} MB of context to BuildKit (threshold ${ctx.options.contextSizeWarnMb} MB). Every build uploads it before the first COPY can start.`,
        hint: "Add a .dockerignore next to the Dockerfile that excludes build outputs, dependencies, VCS folders and data files (e.g. node_modules, dist, .git, *.bin).",
        url: "https://docs.docker.com/build/concepts/context/#dockerignore-files"
      }
    ];
  }
};

// src/findings/rules/lint.ts
function lintFile(ctx, file) {
  if (!ctx.dockerfiles) return ctx.dockerfile?.path ?? file;
  const dfs = Object.values(ctx.dockerfiles);
  const df = file ? dfs.find((d) => d.path === file || d.path.endsWith(`/${file}`)) : void 0;
  return df?.path ?? file;
}
var lint = {
  id: "lint/<RuleName>",
  description: "Each BuildKit build-check warning (FromAsCasing, SecretsUsedInArgOrEnv, \u2026) at its full range, with its documentation.",
  check(ctx) {
    const seen = /* @__PURE__ */ new Set();
    const out = [];
    for (const w of ctx.trace.warnings) {
      const key = `${w.rule}:${w.startLine}:${w.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const message = w.message.replace(/^\w+: /, "").replace(/ \(line \d+\)$/, "");
      out.push({
        rule: `lint/${w.rule || "BuildCheck"}`,
        severity: "warning",
        title: `${w.rule || "Build check"}: ${message}`.slice(0, 200),
        message: joinMd([code(message), ...w.detail.map((d) => code(d))], "\n\n"),
        file: w.startLine ? lintFile(ctx, w.file) : void 0,
        line: w.startLine,
        endLine: w.endLine,
        url: w.url
      });
    }
    return out;
  }
};

// src/findings/rules/log-clipped.ts
var logClipped = {
  id: "log-clipped",
  description: "BuildKit clipped a step's output (`[output clipped, log limit 2MiB reached]`, or its rate limit): the lines after the mark are missing from the log.",
  check(ctx) {
    const failing = ctx.failure ? failingStep(ctx.trace) : void 0;
    const out = [];
    for (const s of ctx.trace.steps) {
      if (!s.clipped) continue;
      const failed2 = s === failing;
      out.push({
        rule: "log-clipped",
        severity: failed2 ? "error" : "warning",
        title: `Output of ${stepLabel(s)} clipped by BuildKit`.slice(0, 200),
        message: joinMd(
          [
            gfm`BuildKit clipped the output of ${code(stepLabel(s))} (log limit ${code(s.clipped)} reached; ${s.logLines} line${s.logLines === 1 ? gfm`` : gfm`s`} read): what it printed past the limit is not in the log${failed2 ? gfm`, so the failing step's last lines, where its error usually is, may be missing` : gfm``}.`,
            gfm`To keep a step's whole output, raise BuildKit's limits in the builder's driver options (docker-container, kubernetes): ${code("driver-opts: env.BUILDKIT_STEP_LOG_MAX_SIZE=-1")} (the size, 2 MiB by default) and ${code("env.BUILDKIT_STEP_LOG_MAX_SPEED=-1")} (the rate, 200 KiB/s by default); -1 is no limit.`
          ],
          "\n\n"
        ),
        hint: "Raise BuildKit's step log limits (BUILDKIT_STEP_LOG_MAX_SIZE, BUILDKIT_STEP_LOG_MAX_SPEED) in the builder's driver options.",
        ...anchor(ctx, s, failed2)
      });
    }
    return out;
  }
};

// src/findings/rules/node-unavailable.ts
var nodeUnavailable = {
  id: "node-unavailable",
  description: "A builder node was not running after bootstrap (from the strict verification).",
  check(ctx) {
    return ctx.nodes.map((n) => ({
      rule: "node-unavailable",
      severity: "error",
      title: `Node ${n.name} is not running (${n.status || "unknown"})`,
      message: gfm`Node ${code(n.name)} (${text(n.driver)}, ${code(n.endpoint || "default endpoint")}) is ${code(n.status || "unknown")}: ${code(n.reason)}.`,
      hint: n.hint
    }));
  }
};

// src/findings/rules/registry.ts
var RATE_LIMIT = errorPattern("registry-rate-limit");
var AUTH = errorPattern("registry-auth");
function texts(ctx) {
  return [ctx.trace.error ?? "", ...ctx.attempts.map((a) => a.errorText ?? "")];
}
var registryRateLimit = {
  id: "registry-rate-limit",
  description: "A registry rate-limited the build (HTTP 429, toomanyrequests).",
  check(ctx) {
    const hit = texts(ctx).find((t) => mentions("registry-rate-limit", t));
    if (!hit) return [];
    const line = hit.split("\n").find((l) => RATE_LIMIT.pattern.test(l)) ?? hit;
    const failed2 = ctx.failure?.category === "registry";
    const f = {
      rule: "registry-rate-limit",
      severity: failed2 ? "error" : "warning",
      title: "Registry rate limit (429)",
      message: gfm`A registry refused requests with a rate limit: ${code(line.slice(0, 300))}.`,
      hint: `${capital(RATE_LIMIT.remedy)}.`
    };
    return [f];
  }
};
var registryAuth = {
  id: "registry-auth",
  description: "A registry refused the credentials (401/403, failed to fetch oauth token, denied).",
  check(ctx) {
    if (ctx.failure?.category !== "auth") return [];
    const error = ctx.trace.error ?? ctx.attempts.at(-1)?.errorText ?? "";
    return [
      {
        rule: "registry-auth",
        severity: "error",
        title: "Registry authentication failed",
        message: gfm`The registry refused the credentials: ${code(error.split("\n").pop().slice(0, 300))}.`,
        hint: `${capital(AUTH.remedy)}.`
      }
    ];
  }
};
function capital(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// src/findings/rules/slow-step.ts
var slowStep = {
  id: "slow-step",
  description: "The steps that dominate the build time (by default at least 20% of it and at least 1 s; at most 3).",
  check(ctx) {
    const total = ctx.trace.durationMs;
    if (total <= 0) return [];
    const { slowStepShare, slowStepMinMs, slowStepMax } = ctx.options;
    const seen = /* @__PURE__ */ new Set();
    const once = (s) => {
      const at = anchor(ctx, s);
      const key = at.line ? `${at.file}:${at.line}` : `${s.target}|${s.stage}|${s.instruction}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    return ctx.trace.steps.filter(
      (s) => !s.internal && !s.cached && (s.durationMs ?? 0) >= slowStepMinMs && (s.durationMs ?? 0) / total >= slowStepShare
    ).sort((a, b) => (b.durationMs ?? 0) - (a.durationMs ?? 0)).filter(once).slice(0, slowStepMax).map((s) => {
      const share = Math.round((s.durationMs ?? 0) / total * 100);
      return {
        rule: "slow-step",
        severity: "notice",
        title: `Slow step (${share}% of the build): ${stepLabel(s)}`.slice(0, 200),
        message: gfm`${code(stepLabel(s))} took ${text(seconds(s.durationMs ?? 0))}, ${share}% of the ${text(seconds(total))} build.`,
        impactMs: s.durationMs,
        ...anchor(ctx, s)
      };
    });
  }
};

// src/findings/rules/host-limits.ts
var hostLimits = {
  id: "host-limits",
  description: "A limit of the host running the nodes is near: the open-file limit, inotify instances (BuildKit before 0.20.1 crashes without one) or free disk of Docker\u2019s data root, with the fix.",
  check(ctx) {
    return ctx.host.filter((c) => !c.ok).map((c) => ({
      rule: "host-limits",
      severity: "warning",
      title: `Host near a limit: ${c.check}`,
      message: gfm`${code(c.reading)}.`,
      ...c.fix ? { hint: c.fix } : {}
    }));
  }
};

// src/findings/rules/stalled-build.ts
var stalledBuild = {
  id: "stalled-build",
  description: "An attempt was stopped by the stall watchdog: no progress for stall-timeout-seconds and a node that did not answer (the node, its endpoint and the step that was running), or every node answering while a push or export waited on a registry (the registry host when known).",
  check(ctx) {
    return ctx.attempts.filter((a) => a.stall).map((a) => {
      const s = a.stall;
      if (s.registry) {
        const reg = s.registry.host ? `the registry ${s.registry.host}` : "the registry";
        return {
          rule: "stalled-build",
          severity: "error",
          title: `Attempt ${a.number} stalled: ${reg} stopped answering`.slice(0, 200),
          message: gfm`Attempt ${a.number}: ${code(describeStall(s))}${s.step ? gfm`; the step running was ${code(s.step)}` : gfm``}.`,
          hint: "A registry that accepts an upload and never answers holds a push for ever; the attempt was stopped after stall-timeout-seconds of silence and retried as a registry failure.",
          impactMs: s.quietMs
        };
      }
      const nodes = s.nodes.map(
        (n) => n.endpoint ? gfm`${code(n.name)} (${code(n.endpoint)})` : code(n.name)
      );
      return {
        rule: "stalled-build",
        severity: "error",
        title: `Attempt ${a.number} stalled: ${s.nodes.map((n) => n.name).join(", ")} stopped answering`.slice(
          0,
          200
        ),
        message: gfm`Attempt ${a.number}: ${code(describeStall(s))}. Node${s.nodes.length === 1 ? gfm`` : gfm`s`} ${joinMd(nodes, ", ")}${s.step ? gfm`; the step running was ${code(s.step)}` : gfm``}.`,
        hint: "A BuildKit node that stops answering mid-build is usually overloaded, out of memory or cut off from the runner; stall-timeout-seconds sets how long a silent build is tolerated.",
        impactMs: s.quietMs
      };
    });
  }
};

// src/findings/rules/transient-failure.ts
var transientFailure = {
  id: "transient-failure",
  description: "An attempt failed for a transient reason (transport, registry, crash) and was retried.",
  check(ctx) {
    const retried2 = ctx.attempts.filter(
      (a) => a.classification?.retryable && a.decision?.startsWith("retried")
    );
    if (!retried2.length) return [];
    const total = ctx.attempts.length;
    const ok = !ctx.failure;
    const lines = retried2.map(
      (a) => gfm`- attempt ${a.number}: ${code(a.classification.category)}, ${text(a.classification.reason)}; ${text(a.decision ?? "")}`
    );
    return [
      {
        rule: "transient-failure",
        severity: ok ? "notice" : "warning",
        title: `${retried2.length} transient failure${retried2.length === 1 ? "" : "s"}, ${ok ? `succeeded on attempt ${total}` : `still failing after ${total} attempts`}`,
        message: joinMd(lines),
        hint: "Repeated transport failures point at the network between the runner and the BuildKit nodes, or at nodes restarting under load."
      }
    ];
  }
};

// src/findings/rules/unpinned-base-image.ts
var unpinnedBaseImage = {
  id: "unpinned-base-image",
  description: "A FROM names an image with no tag or with :latest, so builds change when the image does.",
  check(ctx) {
    const files = ctx.dockerfiles ? Object.values(ctx.dockerfiles) : ctx.dockerfile ? [ctx.dockerfile] : [];
    const out = [];
    for (const df of new Set(files)) out.push(...unpinned(df));
    return out;
  }
};
function unpinned(df) {
  const out = [];
  for (const st of df.stages) {
    const f = st.from;
    if (f.isStage || f.digest || !f.image || f.image.includes("$")) continue;
    if (f.tag && f.tag !== "latest") continue;
    out.push({
      rule: "unpinned-base-image",
      severity: "notice",
      title: `Unpinned base image ${f.image}${f.tag ? `:${f.tag}` : ""}`,
      message: gfm`${code(f.text)} uses ${f.tag ? code(":latest") : gfm`no tag (so :latest)`}: the build changes whenever the image is re-published.`,
      hint: "Pin a version tag, or a digest (image:tag@sha256:\u2026) for reproducible builds.",
      file: df.path,
      line: f.line,
      endLine: f.endLine
    });
  }
  return out;
}

// src/findings/index.ts
var RULES = [
  nodeUnavailable,
  buildFailed,
  logClipped,
  stalledBuild,
  execFormat,
  registryAuth,
  registryRateLimit,
  knownCrash,
  transientFailure,
  lint,
  largeContext,
  hostLimits,
  cacheInvalidated,
  slowStep,
  unpinnedBaseImage
];
var RULE_METADATA = [
  ...RULES.map((r) => ({ id: r.id, description: r.description })),
  {
    id: "slower-than-baseline",
    description: "A step took longer than in the previous build of the same key (regression-threshold percent and at least 5 s), or the whole build did."
  },
  {
    id: "cache-ratio-drop",
    description: "Fewer steps came from the cache than in the previous build of the same key."
  }
];
var SEVERITY_RANK = { error: 0, warning: 1, notice: 2 };
function rankFindings(list2) {
  return [...list2].sort(bySeverityAndImpact);
}
function findings(ctx) {
  const out = [];
  for (const r of RULES) for (const f of r.check(ctx)) out.push(f);
  return out.sort(bySeverityAndImpact);
}
function bySeverityAndImpact(a, b) {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (b.impactMs ?? 0) - (a.impactMs ?? 0);
}

// src/report/annotations.ts
var PER_LEVEL = 10;
var PER_JOB = 50;
function selectAnnotations(findings2) {
  const seen = /* @__PURE__ */ new Set();
  const unique = findings2.filter((f) => {
    const key = `${f.rule}|${f.file ?? ""}|${f.line ?? ""}|${f.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const count = { error: 0, warning: 0, notice: 0 };
  const shown = [];
  for (const f of unique) {
    if (count[f.severity] >= PER_LEVEL || shown.length >= PER_JOB) continue;
    count[f.severity]++;
    shown.push(f);
  }
  return { shown, omitted: findings2.length - shown.length };
}
function plainText(markdown) {
  return markdown.split("\n").filter((l) => !/^`{3,}/.test(l)).join("\n").replace(/`+/g, "").replace(/\*\*([^*\n]+?)\*\*/g, "$1").trim();
}

// src/types/json-shape.ts
function jsonObject(v, keys) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return "not an object";
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return "not an object";
  const key = Object.keys(v).find((k) => k === "__proto__" || keys !== void 0 && !keys.includes(k));
  if (key !== void 0) return `unexpected key ${JSON.stringify(key.slice(0, 64))}`;
  return v;
}
function isObject(v, keys) {
  return typeof jsonObject(v, keys) !== "string";
}
function isText(v, max) {
  return typeof v === "string" && v.length <= max;
}
function isCount(v, max = Number.MAX_SAFE_INTEGER) {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= max;
}
function isList(v, max) {
  return Array.isArray(v) && v.length <= max;
}

// src/ledger/window.ts
var LEDGER_MAX_RUNS = 100;
var LEDGER_MAX_AGE_MS = 30 * 24 * 36e5;
var LEDGER_MAX_BYTES = 256 * 1024;
var WEEK_MS = 7 * 24 * 36e5;
function bound(entries, now) {
  const since = now.getTime() - LEDGER_MAX_AGE_MS;
  const until = now.getTime() + 6e4;
  const kept2 = entries.filter((e) => Date.parse(e.at) >= since && Date.parse(e.at) <= until).sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(-LEDGER_MAX_RUNS);
  const sizes = kept2.map((e) => Buffer.byteLength(JSON.stringify(e)) + 1);
  let total = sizes.reduce((s, n) => s + n, 0) + Buffer.byteLength('{"version":1,"entries":[]}');
  let first = 0;
  while (total > LEDGER_MAX_BYTES && first < kept2.length) total -= sizes[first++];
  return kept2.slice(first);
}
function append(ledger, entry, now) {
  return { version: 1, entries: bound([...ledger?.entries ?? [], fit(entry)], now) };
}
var KINDS = ["attempt", "stall", "recheck", "boot", "merge"];
var MAX_TEXT = 512;
var MAX_ITEMS = 64;
var MAX_RUN = 128;
var MAX_AT = 40;
var str3 = (v, max = MAX_TEXT) => isText(v, max);
function fit(e) {
  const clip2 = (t, max = MAX_TEXT) => t.length > max ? `${t.slice(0, max - 1)}\u2026` : t;
  const some = (k, v) => v === void 0 ? {} : { [k]: clip2(v) };
  return {
    at: clip2(e.at, MAX_AT),
    run: clip2(e.run, MAX_RUN),
    attempts: e.attempts,
    nodes: e.nodes.slice(-MAX_ITEMS).map((n) => ({ name: clip2(n.name), endpoint: clip2(n.endpoint) })),
    events: e.events.slice(-MAX_ITEMS).map((v) => ({
      ...v,
      ...some("pattern", v.pattern),
      ...some("node", v.node),
      ...some("endpoint", v.endpoint),
      ...some("registry", v.registry),
      ...some("step", v.step)
    }))
  };
}
function checkEvent(v) {
  if (!isObject(v)) return void 0;
  const { kind, category, pattern, transient: transient2, recovered, node, endpoint, registry, step, lostMs } = v;
  if (!KINDS.includes(kind) || !CATEGORIES.includes(category)) return void 0;
  if (typeof transient2 !== "boolean" || typeof recovered !== "boolean" || !isCount(lostMs)) return void 0;
  for (const o of [pattern, node, endpoint, registry, step]) if (o !== void 0 && !str3(o)) return void 0;
  return {
    kind,
    category,
    ...pattern !== void 0 ? { pattern } : {},
    transient: transient2,
    recovered,
    ...node !== void 0 ? { node } : {},
    ...endpoint !== void 0 ? { endpoint } : {},
    ...registry !== void 0 ? { registry } : {},
    ...step !== void 0 ? { step } : {},
    lostMs
  };
}
function checkEntry(v) {
  if (!isObject(v)) return void 0;
  const { at, run: run2, attempts, nodes, events } = v;
  if (!str3(at, MAX_AT) || Number.isNaN(Date.parse(at)) || !str3(run2, MAX_RUN) || !isCount(attempts))
    return void 0;
  if (!isList(nodes, MAX_ITEMS) || !isList(events, MAX_ITEMS)) return void 0;
  const ns = nodes.map(
    (n) => isObject(n) && str3(n.name) && str3(n.endpoint) ? { name: n.name, endpoint: n.endpoint } : void 0
  );
  const es = events.map(checkEvent);
  if (ns.includes(void 0) || es.includes(void 0)) return void 0;
  return {
    at,
    run: run2,
    attempts,
    nodes: ns,
    events: es
  };
}
function checkLedger(text2) {
  if (Buffer.byteLength(text2) > LEDGER_MAX_BYTES * 2) return `larger than ${LEDGER_MAX_BYTES * 2} bytes`;
  let v;
  try {
    v = JSON.parse(text2);
  } catch {
    return "not JSON";
  }
  if (!isObject(v) || v.version !== 1 || !Array.isArray(v.entries)) return "not a version 1 ledger";
  const entries = v.entries.map(checkEntry);
  const kept2 = entries.filter((e) => !!e);
  return { ledger: { version: 1, entries: kept2 }, dropped: entries.length - kept2.length };
}
var tally = () => ({ incidents: 0, recovered: 0, notRecovered: 0, lostMs: 0 });
function add(t, e) {
  t.incidents++;
  if (e.recovered) t.recovered++;
  else t.notRecovered++;
  t.lostMs += e.lostMs;
}
function summarize(ledger, entry, now) {
  const entries = ledger.entries;
  const nodes = /* @__PURE__ */ new Map();
  const categories = /* @__PURE__ */ new Map();
  const registries = /* @__PURE__ */ new Map();
  const trend = { thisWeek: 0, lastWeek: 0 };
  for (const e of entries) {
    const age = now.getTime() - Date.parse(e.at);
    for (const n of e.nodes) {
      const row2 = nodes.get(n.name) ?? {
        node: n.name,
        endpoint: n.endpoint,
        runs: 0,
        ...tally(),
        categories: {}
      };
      row2.runs++;
      row2.endpoint = n.endpoint || row2.endpoint;
      nodes.set(n.name, row2);
    }
    for (const ev of e.events) {
      if (ev.node !== void 0) {
        const row2 = nodes.get(ev.node) ?? {
          node: ev.node,
          endpoint: ev.endpoint ?? "",
          runs: 0,
          ...tally(),
          categories: {}
        };
        add(row2, ev);
        row2.categories = { ...row2.categories, [ev.category]: (row2.categories[ev.category] ?? 0) + 1 };
        nodes.set(ev.node, row2);
      }
      const c = categories.get(ev.category) ?? { category: ev.category, ...tally() };
      add(c, ev);
      categories.set(ev.category, c);
      if (ev.registry !== void 0) {
        const r = registries.get(ev.registry) ?? { host: ev.registry, ...tally() };
        add(r, ev);
        registries.set(ev.registry, r);
      }
      if (ev.transient && age < WEEK_MS) trend.thisWeek++;
      else if (ev.transient && age < 2 * WEEK_MS) trend.lastWeek++;
    }
  }
  const byIncidents = (a, b) => b.incidents - a.incidents || b.lostMs - a.lostMs;
  const mine = tally();
  for (const ev of entry.events) add(mine, ev);
  return {
    version: 1,
    window: {
      runs: entries.length,
      since: entries[0]?.at ?? entry.at,
      until: entries[entries.length - 1]?.at ?? entry.at
    },
    thisRun: {
      attempts: entry.attempts,
      recovered: mine.recovered,
      notRecovered: mine.notRecovered,
      lostMs: mine.lostMs
    },
    nodes: [...nodes.values()].sort(byIncidents),
    categories: [...categories.values()].sort(byIncidents),
    registries: [...registries.values()].sort(byIncidents),
    trend
  };
}
function transientCounts(ledger) {
  let total = 0;
  const nodes = /* @__PURE__ */ new Map();
  const registries = /* @__PURE__ */ new Map();
  const endpoints = /* @__PURE__ */ new Map();
  for (const e of ledger.entries) for (const n of e.nodes) if (n.endpoint) endpoints.set(n.name, n.endpoint);
  for (const e of ledger.entries) {
    for (const ev of e.events) {
      if (!ev.transient) continue;
      total++;
      if (ev.node !== void 0) {
        const n = nodes.get(ev.node) ?? { count: 0, endpoint: "", categories: /* @__PURE__ */ new Map() };
        n.count++;
        n.endpoint = endpoints.get(ev.node) ?? ev.endpoint ?? n.endpoint;
        n.categories.set(ev.category, (n.categories.get(ev.category) ?? 0) + 1);
        nodes.set(ev.node, n);
      }
      if (ev.registry !== void 0) {
        const r = registries.get(ev.registry) ?? { count: 0, categories: /* @__PURE__ */ new Map() };
        r.count++;
        r.categories.set(ev.category, (r.categories.get(ev.category) ?? 0) + 1);
        registries.set(ev.registry, r);
      }
    }
  }
  return { total, nodes, registries };
}

// src/ledger/render.ts
var FLAKY_MIN = 3;
var FLAKY_SHARE = 0.5;
function causeOf(e) {
  return e.pattern ?? e.category;
}
function recoveredLine(entry) {
  const parts = (events) => joinMd(
    events.map((e) => {
      const where = e.node ? gfm` on node ${code(e.node)}` : e.registry ? gfm` at registry ${code(e.registry)}` : gfm``;
      const step = e.step ? gfm` at ${code(e.step)}` : gfm``;
      return gfm`${text(causeOf(e))}${where}${step}, +${text(seconds(e.lostMs))}`;
    }),
    ", "
  );
  const recovered = entry.events.filter((e) => e.recovered);
  const lost2 = entry.events.filter((e) => !e.recovered && e.transient);
  const lines = [];
  const n = (k, what2) => gfm`${k} ${text(what2)}${k === 1 ? gfm`` : gfm`s`}`;
  if (recovered.length)
    lines.push(gfm`**Recovered:** ${n(recovered.length, "transient failure")} (${parts(recovered)})`);
  if (lost2.length)
    lines.push(gfm`**Not recovered:** ${n(lost2.length, "infrastructure failure")} (${parts(lost2)})`);
  return lines.length ? joinMd(lines, "<br>") : void 0;
}
var lost = (ms) => ms ? { text: seconds(ms) } : null;
var categoriesOf = (r) => {
  const list2 = Object.entries(r.categories).map(([c, k]) => `${c} ${k}`).join(", ");
  return list2 ? { text: list2 } : null;
};
var NODE_COLUMNS = [
  {
    header: "node",
    cell: { node: (r) => ({ code: r.node }), unattributed: () => ({ text: "unattributed" }) }
  },
  { header: "endpoint", cell: { node: (r) => ({ code: r.endpoint || "-" }), unattributed: () => null } },
  { header: "runs", cell: { node: (r) => r.runs, unattributed: () => null } },
  { header: "incidents", cell: { node: (r) => r.incidents, unattributed: (n) => n } },
  { header: "recovered", cell: { node: (r) => r.recovered, unattributed: () => null } },
  { header: "not recovered", cell: { node: (r) => r.notRecovered, unattributed: () => null } },
  { header: "time lost", cell: { node: (r) => lost(r.lostMs), unattributed: () => null } },
  { header: "categories", cell: { node: categoriesOf, unattributed: () => null } }
];
var TALLY = [
  { header: "incidents", cell: { row: (t) => t.incidents } },
  { header: "recovered", cell: { row: (t) => t.recovered } },
  { header: "not recovered", cell: { row: (t) => t.notRecovered } },
  { header: "time lost", cell: { row: (t) => lost(t.lostMs) } }
];
var CATEGORY_COLUMNS = [
  { header: "category", cell: { row: (r) => ({ code: r.category }) } },
  ...TALLY
];
var REGISTRY_COLUMNS = [
  { header: "registry", cell: { row: (r) => ({ code: r.host }) } },
  ...TALLY
];
var rowsOf = (columns, kind, values) => values.map((v) => columns.map((c) => c.cell[kind](v)));
function ledgerTables(s) {
  const attributed = s.nodes.reduce((n, r) => n + r.incidents, 0);
  const incidents = s.categories.reduce((n, r) => n + r.incidents, 0);
  const table = (columns, rows) => rows.length ? [{ header: columns.map((c) => c.header), rows }] : [];
  return {
    runs: s.window.runs,
    since: s.window.since,
    until: s.window.until,
    trend: s.trend,
    incidents,
    tables: [
      ...s.nodes.length ? table(NODE_COLUMNS, [
        ...rowsOf(NODE_COLUMNS, "node", s.nodes),
        ...rowsOf(NODE_COLUMNS, "unattributed", incidents > attributed ? [incidents - attributed] : [])
      ]) : [],
      ...table(CATEGORY_COLUMNS, rowsOf(CATEGORY_COLUMNS, "row", s.categories)),
      ...table(REGISTRY_COLUMNS, rowsOf(REGISTRY_COLUMNS, "row", s.registries))
    ]
  };
}
var mdCell = (c) => c === null ? gfm`-` : typeof c === "number" ? gfm`${c}` : "code" in c ? code(c.code) : text(c.text);
function ledgerMarkdown(s) {
  const v = ledgerTables(s);
  const head = gfm`**Flake ledger**: ${v.runs} run${v.runs === 1 ? gfm`` : gfm`s`} since ${text(v.since.slice(0, 10))}; transient incidents this week ${v.trend.thisWeek}, the week before ${v.trend.lastWeek}`;
  const tables = v.tables.map(
    (t) => joinMd([
      row(t.header.map((h) => text(h))),
      row(t.header.map(() => gfm`---`)),
      ...t.rows.map((r) => row(r.map(mdCell)))
    ])
  );
  return joinMd([head, ...tables, ...v.incidents ? [] : [gfm`No incident in the window.`]], "\n\n");
}
function flaky(count, total) {
  return count >= FLAKY_MIN && count >= total * FLAKY_SHARE;
}
var cats = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([c, k]) => `${c} ${k}`).join(", ");
function flakyFindings(ledger) {
  const t = transientCounts(ledger);
  const runs = ledger.entries.length;
  const out = [];
  for (const [name, n] of t.nodes) {
    if (!flaky(n.count, t.total)) continue;
    out.push({
      rule: "flaky-node",
      severity: "warning",
      history: true,
      title: `Node ${name} (${n.endpoint || "no endpoint"}) had ${n.count} of the ${t.total} transient incidents of the last ${runs} runs`,
      message: gfm`Node ${code(name)} at ${code(n.endpoint || "-")} accounts for ${n.count} of the ${t.total} transient incidents in the ledger's last ${runs} runs (${text(cats(n.categories))}). Retries hid them: look at this node's BuildKit logs, its disk (free space, inodes) and the network path between the runners and it.`,
      hint: "Check the node's BuildKit daemon logs around the ledger's incidents, its free disk space, and the network between the runners and the node (a proxy or load balancer that cuts long connections)."
    });
  }
  for (const [host, r] of t.registries) {
    if (!flaky(r.count, t.total)) continue;
    out.push({
      rule: "flaky-registry",
      severity: "warning",
      history: true,
      title: `Registry ${host} had ${r.count} of the ${t.total} transient incidents of the last ${runs} runs`,
      message: gfm`Registry ${code(host)} accounts for ${r.count} of the ${t.total} transient incidents in the ledger's last ${runs} runs (${text(cats(r.categories))}). Retries hid them: look at the registry's status and rate limits, and the network path (proxy, mirror) between the builders and it.`,
      hint: "Check the registry's status page and rate limits, and the proxy or mirror between the builders and the registry."
    });
  }
  return out;
}

// src/report/markdown.ts
var COMMENT_LIMIT = { max: 65536, unit: "chars" };
var SUMMARY_LIMIT = { max: 1024 * 1024, unit: "bytes" };
var WRAP_COLUMNS = 90;
var COMMENT_FINDINGS = 3;
var LEAD_LOG_LINES = 10;
var ICON = { error: gfm`🛑`, warning: gfm`⚠️`, notice: gfm`ℹ️` };
var none = gfm``;
var dash = gfm`-`;
function marker(key) {
  return htmlComment(`buildx-guard:${key}`);
}
function tenths(value) {
  const t = Math.round(value * 10);
  return gfm`${Math.trunc(t / 10)}.${Math.abs(t % 10)}`;
}
function duration(ms) {
  return ms >= 1e4 ? gfm`${Math.round(ms / 1e3)} s` : gfm`${tenths(ms / 1e3)} s`;
}
function brLines(parts) {
  return joinMd(
    parts.map((p, i) => i < parts.length - 1 ? gfm`${p}<br>` : p),
    "\n"
  );
}
function lineLink(input2, f, label) {
  if (!f.file) return label;
  const where = `${f.file}${f.line ? `:${f.line}${f.endLine && f.endLine !== f.line ? `-${f.endLine}` : ""}` : ""}`;
  const l = input2.links;
  if (!l || !l.sha) return label ? gfm`${label} (${code(where)})` : code(where);
  const path = f.file.split("/").map(encodeURIComponent).join("/");
  const anchor2 = f.line ? `#L${f.line}${f.endLine && f.endLine !== f.line ? `-L${f.endLine}` : ""}` : "";
  return link(label ?? code(where), `${l.serverUrl}/${l.owner}/${l.repo}/blob/${l.sha}/${path}${anchor2}`);
}
function wrapLine(line, width = WRAP_COLUMNS) {
  const chars = [...line];
  if (chars.length <= width) return [line];
  const indent = /^\s*/.exec(line)[0].slice(0, 8);
  const out = [];
  let rest = chars;
  let first = true;
  while (rest.length > (first ? width : width - indent.length - 2)) {
    const room = first ? width : width - indent.length - 2;
    const window = rest.slice(0, room + 1).join("");
    const at = Math.max(window.lastIndexOf(" "), window.lastIndexOf(":") + 1);
    const cut = at > room / 2 ? at : room;
    const piece = [...window].slice(0, cut).join("").trimEnd();
    out.push(first ? piece : `${indent}\u21AA ${piece}`);
    rest = rest.slice(cut);
    while (rest[0] === " ") rest = rest.slice(1);
    first = false;
  }
  if (rest.length) out.push(first ? rest.join("") : `${indent}\u21AA ${rest.join("")}`);
  return out;
}
function wrapped(lines) {
  return lines.flatMap((l) => wrapLine(l));
}
function dropQuotedCommand(line) {
  let out = "";
  let from = 0;
  for (let at = line.indexOf('process "', from); at >= 0; at = line.indexOf('process "', from)) {
    let end = at + 'process "'.length;
    while (end < line.length && line[end] !== '"') end += line[end] === "\\" ? 2 : 1;
    if (end >= line.length) break;
    out += `${line.slice(from, at)}process "\u2026"`;
    from = end + 1;
  }
  return out + line.slice(from);
}
function causeChain(message) {
  return message.split("\n").filter((l) => l.trim()).flatMap((line) => {
    const plain = dropQuotedCommand(line.replace(/^ERROR: /, ""));
    const parts = [];
    for (const p of plain.split(/: (?=\S)/)) {
      if (parts.length && (!/\s/.test(p) || p.length < 4)) parts[parts.length - 1] += `: ${p}`;
      else parts.push(p);
    }
    if ([...plain].length <= WRAP_COLUMNS) return [plain];
    return parts.map((p, i) => `${"  ".repeat(Math.min(i, 4))}${p}${i < parts.length - 1 ? ":" : ""}`);
  });
}
function attemptCount(input2) {
  return input2.attempts.reduce((most, a) => Math.max(most, a.number), 0);
}
function what(input2) {
  if (!input2.attempts.length && input2.failure?.category === "builder") return "Builder";
  return input2.merge ? "Merge" : input2.targets ? "Bake" : "Build";
}
function failedAt(input2) {
  const targets = (input2.targets ?? []).filter((t) => t.status === "failed").map((t) => code(t.name));
  const down = input2.nodes.filter((n) => n.status !== "running").map((n) => code(n.name));
  const s = (n) => n.length > 1 ? gfm`s` : none;
  if (input2.failingLog) {
    const of = targets.length === 1 ? gfm` (target ${targets[0]})` : none;
    const failed2 = input2.findings.find((f) => f.rule === "build-failed");
    const step = code(input2.failingLog.step);
    return gfm` at ${(failed2 && lineLink(input2, failed2, step)) ?? step}${of}`;
  }
  if (targets.length) return gfm` at target${s(targets)} ${joinMd(targets, ", ")}`;
  if (down.length) return gfm` at node${s(down)} ${joinMd(down, ", ")}`;
  return none;
}
function leadLine(input2) {
  const s = input2.stats;
  const name = text(what(input2));
  if (input2.status === "success") {
    const facts = [duration(s.durationMs)];
    if (s.steps) facts.push(gfm`${s.cachedSteps} of ${s.steps} steps cached`);
    if (attemptCount(input2) > 1) facts.push(gfm`${attemptCount(input2)} attempts`);
    return gfm`✅ **${name} succeeded** · ${joinMd(facts, " \xB7 ")}`;
  }
  if (input2.status === "unknown")
    return gfm`❔ **No build verdict**: the log shows no finished build and no error`;
  const f = input2.failure;
  const kind = f?.retryable === void 0 ? none : f.retryable ? gfm`, transient` : gfm`, not retryable`;
  return gfm`❌ **${name} failed**${failedAt(input2)}${f ? gfm` · ${text(f.category)}${kind}` : none}`;
}
function retriedLines(input2) {
  return input2.attempts.filter((a) => a.exitCode !== 0 && a.decision?.startsWith("retried")).map(
    (a) => gfm`↻ ${a.bake ? gfm`${code(a.bake)}: a` : gfm`A`}ttempt ${a.number} failed (${text(a.category ?? "unknown")}) and was ${text(a.decision)}`
  );
}
function failureBlock(input2, withRetries) {
  if (input2.status !== "failed" || !input2.failure) return void 0;
  const parts = [];
  const log = input2.failingLog?.lines.slice(-LEAD_LOG_LINES) ?? [];
  if (log.length) parts.push(codeBlock(wrapped(log)));
  const chain = causeChain(input2.failure.message);
  if (chain.length && !(chain.length === 1 && log.at(-1)?.trim() === chain[0].trim()))
    parts.push(codeBlock(wrapped(chain)));
  const notes = [];
  if (input2.failingLog?.clipped)
    notes.push(
      gfm`BuildKit clipped the step's output (log limit ${code(input2.failingLog.clipped)} reached), so its last lines may be missing.`
    );
  const record = input2.failure.record;
  if (record)
    notes.push(
      gfm`(the error${record.line ? gfm` and its Dockerfile line` : none} from the build record: ${code(`docker buildx history inspect ${record.id}`)})`
    );
  if (notes.length) parts.push(brLines(notes));
  const hint = input2.findings.find((f) => f.rule === "build-failed")?.hint;
  if (hint) parts.push(gfm`**Hint:** ${text(hint)}`);
  if (withRetries) {
    const retried2 = retriedLines(input2);
    if (retried2.length) parts.push(brLines(retried2));
  }
  return parts.length ? joinMd(parts, "\n\n") : void 0;
}
function otherFindings(input2) {
  return input2.findings.filter((f) => !(f.rule === "build-failed" && input2.status === "failed"));
}
function findingLine(input2, f) {
  const where = lineLink(input2, f);
  return gfm`${ICON[f.severity]} ${code(f.rule)}${where ? gfm` ${where}` : none}: ${text(f.title)}`;
}
function findingBlock(input2, f) {
  const where = lineLink(input2, f);
  const parts = [
    gfm`${ICON[f.severity]} ${code(f.rule)}${where ? gfm` ${where}` : none}${f.target ? gfm` (target ${code(f.target)})` : none}`,
    f.message
  ];
  if (f.hint) parts.push(gfm`**Hint:** ${text(f.hint)}`);
  if (f.url) parts.push(link(gfm`Documentation`, f.url));
  return joinMd(parts, "\n\n");
}
var list = (items, sep2) => items.length ? joinMd(items.map(code), sep2) : dash;
function mergeTable(input2) {
  const m = input2.merge;
  if (!m) return void 0;
  return joinMd([
    gfm`| sources | platforms | tags | index digest |`,
    gfm`| --- | --- | --- | --- |`,
    row([
      list(m.sources, "<br>"),
      list(m.platforms, ", "),
      list(m.tags, "<br>"),
      m.digest ? code(m.digest) : dash
    ])
  ]);
}
function targetsTable(input2) {
  if (!input2.targets?.length) return void 0;
  const icon = { success: gfm`✅`, failed: gfm`❌`, cancelled: gfm`⏹️` };
  const isolated = input2.targets.some((t) => t.attempts !== void 0);
  const result = (t) => {
    const category = t.category ? gfm` (${text(t.category)})` : none;
    const retry = t.status === "success" && (t.attempts ?? 1) > 1 ? gfm` after a retry` : none;
    return gfm`${icon[t.status] ?? none} ${text(t.status)}${category}${retry}`;
  };
  return joinMd([
    isolated ? gfm`| target | result | attempts | digest |` : gfm`| target | result | digest |`,
    isolated ? gfm`| --- | --- | --- | --- |` : gfm`| --- | --- | --- |`,
    ...input2.targets.map(
      (t) => row([
        code(t.name),
        result(t),
        ...isolated ? [t.attempts !== void 0 ? gfm`${t.attempts}` : dash] : [],
        t.digest ? code(t.digest) : dash
      ])
    )
  ]);
}
function factsTable(input2, withAttempts) {
  const s = input2.stats;
  const green = input2.status === "success";
  const cols = [];
  if (!green && s.durationMs) cols.push([gfm`duration`, duration(s.durationMs)]);
  if (!green && withAttempts && input2.attempts.length)
    cols.push([gfm`attempts`, gfm`${attemptCount(input2)}`]);
  if (!green && s.steps)
    cols.push([
      gfm`cache hits`,
      gfm`${Math.round(s.cachedSteps / s.steps * 100)}% (${s.cachedSteps}/${s.steps})`
    ]);
  if (!input2.merge && (s.steps || s.contextBytes))
    cols.push([gfm`context`, gfm`${tenths(s.contextBytes / 1e6)} MB`]);
  if (!input2.merge && s.platforms.length) cols.push([gfm`platforms`, list(s.platforms, ", ")]);
  if (!cols.length) return void 0;
  return joinMd([row(cols.map((c) => c[0])), row(cols.map(() => gfm`---`)), row(cols.map((c) => c[1]))]);
}
function attemptsTable(input2) {
  if (attemptCount(input2) < 2 && !(input2.status !== "success" && input2.attempts.some((a) => a.bake)))
    return void 0;
  return joinMd([
    gfm`| attempt | result | duration | why |`,
    gfm`| --- | --- | --- | --- |`,
    ...input2.attempts.map(
      (a) => row([
        a.bake ? gfm`${code(a.bake)} ${a.number}` : gfm`${a.number}`,
        a.exitCode === 0 ? gfm`succeeded` : gfm`failed (${text(a.category ?? "unknown")})`,
        duration(a.durationMs),
        text(a.decision ?? "")
      ])
    )
  ]);
}
function nodesTable2(input2) {
  if (!input2.nodes.length) return void 0;
  const b = input2.builder;
  return joinMd([
    b ? gfm`**Builder** ${code(b.name)} (${text(b.driver)})` : gfm`**Builder**`,
    gfm``,
    gfm`| node | endpoint | status | BuildKit | platforms |`,
    gfm`| --- | --- | --- | --- | --- |`,
    ...input2.nodes.map(
      (n) => row([
        code(n.name),
        code(n.endpoint || "default"),
        gfm`${n.status === "running" ? gfm`🟢` : gfm`🔴`} ${text(n.status)}`,
        text(n.buildkit || "-"),
        text(n.platforms.slice(0, 6).join(", ") || "-")
      ])
    )
  ]);
}
function chartLabel(s, max = 64) {
  return s.replace(/[^A-Za-z0-9 ./_=+-]/g, " ").replace(/\s+/g, " ").trim().slice(0, max).trim() || "step";
}
function timingChart(input2) {
  const steps = input2.steps.filter((s) => s.durationMs > 0 || s.cached || s.failed).slice(0, 200);
  if (!steps.length) return void 0;
  const top = [...steps].sort((a, b) => b.durationMs - a.durationMs).slice(0, 25);
  const group = /* @__PURE__ */ new Map();
  for (const s of steps) if (!group.has(s.target ?? "")) group.set(s.target ?? "", group.size);
  const shown = steps.filter((s) => top.includes(s)).sort(
    (a, b) => group.get(a.target ?? "") - group.get(b.target ?? "") || (a.startMs ?? 0) - (b.startMs ?? 0)
  );
  const t0 = Math.min(...shown.map((s) => s.startMs ?? Infinity));
  let cursor = 0;
  let section;
  const used = /* @__PURE__ */ new Map();
  const unique = (label) => {
    const n = (used.get(label) ?? 0) + 1;
    used.set(label, n);
    return n === 1 ? label : `${label} ${n}`;
  };
  const rows = shown.flatMap((s, i) => {
    const head = s.target && s.target !== section ? [`    section ${chartLabel(s.target)}`] : [];
    section = s.target ?? section;
    return [...head, bar(s, i)];
  });
  function bar(s, i) {
    const start = s.startMs !== void 0 && Number.isFinite(t0) ? s.startMs - t0 : cursor;
    const before = s.id ? input2.baseline?.get(s.id) : void 0;
    const was = before !== void 0 ? ` was ${seconds(before)}` : "";
    if (s.cached && !s.failed)
      return `    ${unique(`${chartLabel(s.label)} cached`)} :milestone, done, s${i}, ${start}, 0ms`;
    cursor = start + Math.max(s.durationMs, 1);
    const tag = s.failed ? "crit, " : "active, ";
    return `    ${unique(chartLabel(`${chartLabel(s.label)}${was}`, 80))} :${tag}s${i}, ${start}, ${start + Math.max(s.durationMs, 1)}`;
  }
  const span = Math.max(cursor, ...shown.map((s) => s.durationMs));
  const chart = codeBlock(
    [
      "gantt",
      "    dateFormat x",
      // Seconds and milliseconds for a fast build, minutes and seconds otherwise.
      `    axisFormat ${span < 1e4 ? "%S.%L s" : "%M:%S"}`,
      ...rows
    ],
    "mermaid"
  );
  return gfm`**Step timings**\n\n${chart}`;
}
function fold(summary, body) {
  return gfm`<details><summary>${summary}</summary>\n\n${joinMd(body, "\n\n")}\n\n</details>`;
}
function commentSections(input2, withFold) {
  const failure = failureBlock(input2, true);
  const others = otherFindings(input2);
  const upFront = (input2.status === "success" ? others.filter((f) => f.severity !== "notice") : others).slice(
    0,
    COMMENT_FINDINGS
  );
  const rest = others.filter((f) => !upFront.includes(f));
  const shownInFold = rest.slice(0, 20);
  const facts = [
    input2.merge ? mergeTable(input2) : void 0,
    targetsTable(input2),
    factsTable(input2, true),
    nodesTable2(input2)
  ].filter((x) => !!x);
  const more = rest.length > shownInFold.length ? rest.length - shownInFold.length : 0;
  const foldBody = [
    ...shownInFold.length ? [brLines(shownInFold.map((f) => findingLine(input2, f)))] : [],
    ...more ? [gfm`…and ${more} more finding(s) in the job summary.`] : [],
    ...facts,
    ...ledgerSection(input2)
  ];
  const elsewhere = [
    ...rest.length || upFront.length ? [gfm`every finding explained`] : [],
    ...attemptsTable(input2) ? [gfm`the attempts`] : [],
    ...timingChart(input2) ? [gfm`the step timings`] : []
  ];
  if (elsewhere.length) foldBody.push(gfm`In the job summary: ${joinMd(elsewhere, ", ")}.`);
  const noun = html(what(input2).toLowerCase());
  const label = rest.length ? gfm`${rest.length} more finding${rest.length === 1 ? none : gfm`s`} and the ${noun}’s figures` : gfm`The ${noun}’s figures`;
  return [
    { text: gfm`${marker(input2.key)}\n${leadLine(input2)}`, drop: 99 },
    ...failure ? [{ text: failure, drop: 98 }] : [],
    ...upFront.length ? [{ text: brLines(upFront.map((f) => findingLine(input2, f))), drop: 90 }] : [],
    ...withFold ? [{ text: fold(label, foldBody), drop: 40 }] : [],
    ...!withFold && rest.length ? [{ text: gfm`…and ${rest.length} more finding(s) in the job summary.`, drop: 95 }] : []
  ];
}
function summarySections(input2) {
  const failure = failureBlock(input2, false);
  const others = otherFindings(input2);
  const attempts = attemptsTable(input2);
  const nodes = nodesTable2(input2);
  const chart = timingChart(input2);
  return [
    { text: gfm`${marker(input2.key)}\n${leadLine(input2)}`, drop: 99 },
    ...failure ? [{ text: failure, drop: 98 }] : [],
    ...attempts ? [{ text: attempts, drop: 92 }] : [],
    ...others.map((f, i) => ({ text: findingBlock(input2, f), drop: 80 - Math.min(i, 40) })),
    ...[input2.merge ? mergeTable(input2) : void 0, targetsTable(input2), factsTable(input2, false)].filter((x) => !!x).map((t) => ({ text: t, drop: 90 })),
    ...nodes ? [{ text: nodes, drop: 85 }] : [],
    ...ledgerSection(input2).map((t) => ({ text: t, drop: 60 })),
    ...chart ? [{ text: chart, drop: 30 }] : []
  ];
}
function ledgerSection(input2) {
  if (!input2.ledger) return [];
  const { summary, entry } = input2.ledger;
  const line = recoveredLine(entry);
  const runs = summary.window.runs;
  const window = summary.categories.length ? ledgerMarkdown(summary) : gfm`**Flake ledger**: no incident in ${runs} run${runs === 1 ? none : gfm`s`} since ${text(summary.window.since.slice(0, 10))}.`;
  return [...line ? [line] : [], window];
}
function renderMarkdown(input2, opts) {
  const size = (t) => sizeOf(t, opts.limit.unit);
  const sections = [
    ...opts.full && !opts.compact ? summarySections(input2) : commentSections(input2, !opts.compact),
    ...input2.omittedAnnotations ? [
      {
        text: gfm`${input2.omittedAnnotations} finding(s) were not shown as annotations (GitHub shows at most 10 per level and 50 per step).`,
        drop: 94
      }
    ] : [],
    ...input2.links?.runUrl ? [{ text: gfm`<sub>buildx-guard · ${link(gfm`run`, input2.links.runUrl)}</sub>`, drop: 96 }] : []
  ];
  const render = (kept3) => gfm`${joinMd(
    kept3.map((s) => s.text),
    "\n\n"
  )}\n`;
  let kept2 = sections;
  let out = render(kept2);
  const runUrl = input2.links?.runUrl;
  const pointer = runUrl ? gfm`\n\n_Truncated: the full report is in the job summary (${link(gfm`run`, runUrl)})._\n` : gfm`\n\n_Truncated: the full report is in the job summary._\n`;
  const room = opts.limit.max - size(pointer);
  while (size(out) > room) {
    const lowest = kept2.filter((s) => s.drop < 95).sort((a, b) => a.drop - b.drop)[0];
    if (!lowest) break;
    kept2 = kept2.filter((s) => s !== lowest);
    out = render(kept2);
  }
  if (kept2.length < sections.length || size(out) > opts.limit.max) {
    out = gfm`${cutMarkdown(out, room, opts.limit.unit)}${pointer}`;
  }
  return out;
}

// src/redact/redact.ts
var REDACTED = "***";
var MIN_SECRET = 3;
var MIN_LINE = 4;
var MIN_DERIVED = 8;
var BASE64_URL = (s) => s.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
function forms(value) {
  const out = [value];
  const bytes = Buffer.from(value, "utf8");
  for (let shift = 0; shift < 3; shift++) {
    const rest = bytes.length > shift ? bytes.subarray(shift) : bytes;
    const whole = rest.toString("base64");
    const stable = rest.subarray(0, rest.length - rest.length % 3).toString("base64");
    out.push(whole, BASE64_URL(whole), stable, BASE64_URL(stable));
  }
  out.push(bytes.toString("hex"));
  const component = encodeURIComponent(value);
  out.push(
    component,
    component.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    new URLSearchParams({ v: value }).toString().slice(2),
    encodeURI(value)
  );
  const json = JSON.stringify(value).slice(1, -1);
  out.push(
    json,
    json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
    json.replace(/\//g, "\\/")
  );
  const text2 = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  out.push(
    text2,
    text2.replace(/"/g, "&quot;").replace(/'/g, "&apos;"),
    text2.replace(/"/g, "&quot;").replace(/'/g, "&#39;"),
    text2.replace(/"/g, "&quot;").replace(/'/g, "&#x27;")
  );
  out.push(value.replace(/"/g, '\\"'), value.replace(/'/g, "''"));
  if (value.length > 8 && value.startsWith('"') && value.endsWith('"')) out.push(value.slice(1, -1));
  return [value, ...out.slice(1).filter((f) => f !== value && f.length >= MIN_DERIVED)];
}
function fold2(s) {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = "";
  for (const c of s) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}
function needles(values) {
  const out = /* @__PURE__ */ new Set();
  for (const v of values) {
    const parts = v.length >= MIN_SECRET ? [v] : [];
    if (/[\r\n]/.test(v)) {
      for (const line of v.split(/\r?\n/)) if (line.trim().length >= MIN_LINE) parts.push(line.trim());
    }
    for (const p of parts) for (const f of forms(p)) out.add(fold2(f));
  }
  return [...out].sort((a, b) => b.length - a.length);
}
var BREAK2 = /[\r\n]/g;
function redactText(text2, list2) {
  if (!list2.length || text2.length < MIN_SECRET) return text2;
  const lower = fold2(text2);
  const broken = lower.includes("\n") || lower.includes("\r");
  const flat = broken ? lower.replace(BREAK2, "") : lower;
  let at;
  if (broken) {
    at = new Int32Array(flat.length);
    for (let i = 0, k = 0; i < lower.length; i++) {
      const c = lower.charCodeAt(i);
      if (c !== 10 && c !== 13) at[k++] = i;
    }
  }
  let marks;
  for (const n of list2) {
    let i = flat.indexOf(n);
    let done = -1;
    while (i >= 0) {
      marks ??= new Uint8Array(text2.length);
      const end = i + n.length - 1;
      const from = at ? at[Math.max(i, done + 1)] : Math.max(i, done + 1);
      const to = at ? at[end] : end;
      marks.fill(1, from, to + 1);
      done = end;
      i = flat.indexOf(n, i + 1);
    }
  }
  if (!marks) return text2;
  let out = "";
  let start = 0;
  for (let i = 0; i < text2.length; ) {
    const c = text2.charCodeAt(i);
    if (!marks[i] || c === 10 || c === 13) {
      i++;
      continue;
    }
    out += text2.slice(start, i) + REDACTED;
    while (i < text2.length && marks[i] && text2.charCodeAt(i) !== 10 && text2.charCodeAt(i) !== 13) i++;
    start = i;
  }
  return out + text2.slice(start);
}
function redactLines(lines, list2) {
  if (lines.some((l) => l.includes("\n") || l.includes("\r"))) return lines.map((l) => redactText(l, list2));
  return redactText(lines.join("\n"), list2).split("\n");
}
function deep(value, list2) {
  if (typeof value === "string") return redactText(value, list2);
  if (Array.isArray(value)) {
    if (value.length > 1 && value.every((v) => typeof v === "string")) return redactLines(value, list2);
    return value.map((v) => deep(v, list2));
  }
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [deep(k, list2), deep(v, list2)]));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v, list2)]));
  }
  return value;
}
var Redactor = class {
  list;
  constructor(secrets) {
    this.list = needles(secrets);
  }
  text(text2) {
    return redactText(text2, this.list);
  }
  /** Every string in `value` (arrays, Maps and their keys included), a copy. */
  value(value) {
    return this.list.length ? deep(value, this.list) : value;
  }
};
function derive(value, render) {
  return render(value);
}

// src/report/redact.ts
function redactReport(input2) {
  return new Redactor(input2.secrets).value({ ...input2, secrets: [] });
}

// src/report/sarif.ts
import { createHash } from "node:crypto";
var LEVEL = { error: "error", warning: "warning", notice: "note" };
function toSarif(findings2, version) {
  const ruleIds = [...new Set(findings2.map((f) => f.rule))];
  const describe4 = (id) => RULE_METADATA.find((r) => r.id === id || r.id.startsWith("lint/") && id.startsWith("lint/"));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "buildx-guard",
            version,
            informationUri: "https://github.com/buildx-guard/buildx-guard",
            rules: ruleIds.map((id) => {
              const url = findings2.find((f) => f.rule === id && f.url)?.url;
              return {
                id,
                shortDescription: { text: describe4(id)?.description ?? id },
                ...url ? { helpUri: url } : {}
              };
            })
          }
        },
        results: findings2.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: `${f.title}

${plainText(f.message)}${f.hint ? `

Hint: ${f.hint}` : ""}` },
          ...f.file ? {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.file },
                  ...f.line ? { region: { startLine: f.line, endLine: f.endLine ?? f.line } } : {}
                }
              }
            ]
          } : {},
          partialFingerprints: { primaryLocationLineHash: fingerprint(f) }
        }))
      }
    ]
  };
}
function fingerprint(f) {
  return createHash("sha256").update(`${f.rule}|${f.file ?? ""}|${f.line ?? ""}|${f.title}`).digest("hex").slice(0, 32);
}

// src/report/publish.ts
var REPORT_BUDGET_MS = 12e4;
async function publish(raw, cfg, deps) {
  const result = {};
  try {
    await toChannels(raw, cfg, deps, result);
  } catch (e) {
    deps.notice(
      `buildx-guard could not publish its report (the build result is unchanged): ${new Redactor(raw.secrets).text(e instanceof Error ? e.message : String(e))}`
    );
  }
  const gate = failOnFindings(raw, cfg);
  if (gate) result.gate = gate;
  return result;
}
function failOnFindings(raw, cfg) {
  if (cfg.failOnFindings === "none") return void 0;
  const limit = SEVERITY_RANK[cfg.failOnFindings];
  const hits = raw.findings.filter((f) => !f.history && SEVERITY_RANK[f.severity] <= limit);
  if (!hits.length) return void 0;
  return new Redactor(raw.secrets).text(
    `${hits.length} finding(s) at ${cfg.failOnFindings} level or worse (fail-on-findings: ${cfg.failOnFindings}); first: ${hits[0].rule}, ${hits[0].title}.`
  );
}
async function toChannels(raw, cfg, deps, result) {
  const problems = [];
  const redacted = redactReport(raw);
  const { shown, omitted } = selectAnnotations(redacted.findings);
  const input2 = derive(redacted, (r) => ({ ...r, omittedAnnotations: omitted }));
  if (cfg.annotations)
    for (const f of derive(input2, () => shown))
      deps.annotate(
        f.severity,
        derive(input2, () => annotationText(f)),
        derive(input2, () => annotationProps(f))
      );
  try {
    if (cfg.summary !== "off")
      await deps.writeSummary(
        derive(
          input2,
          (r) => renderMarkdown(r, {
            limit: SUMMARY_LIMIT,
            full: cfg.summary === "full",
            compact: cfg.summary === "compact"
          })
        )
      );
  } catch (e) {
    problems.push(`Could not write the job summary: ${e.message}.`);
  }
  if (cfg.sarifFile) {
    try {
      writeNoFollow(
        cfg.sarifFile,
        derive(input2, (r) => `${JSON.stringify(toSarif(r.findings, deps.version), null, 2)}
`)
      );
      deps.info(`SARIF with ${input2.findings.length} finding(s) written to ${cfg.sarifFile}.`);
    } catch (e) {
      problems.push(`Could not write SARIF to ${cfg.sarifFile} (sarif-file): ${describeFsError(e)}.`);
    }
  }
  const gh = deps.github;
  if (gh) {
    const budget = deps.budgetMs ?? REPORT_BUDGET_MS;
    let timer;
    const expired = new Promise((r) => timer = setTimeout(() => r("expired"), budget));
    const done = await Promise.race([toGitHub(gh, input2, cfg, result, problems, deps.info), expired]);
    clearTimeout(timer);
    if (done === "expired") {
      gh.abort();
      problems.push(
        `GitHub did not answer within ${Math.round(budget / 1e3)} s; the comment and check run were not updated.`
      );
    }
  }
  if (problems.length) {
    deps.notice(
      `buildx-guard could not publish everything (the build result is unchanged; annotations and the job summary are complete): ${problems.join(" ")}`
    );
  }
}
async function toGitHub(gh, input2, cfg, result, problems, info) {
  if (cfg.comment !== "off" && gh.ctx.pullNumber) {
    const body = derive(input2, (r) => renderMarkdown(r, { limit: COMMENT_LIMIT, full: false }));
    try {
      if (cfg.comment === "sticky" || input2.status === "failed") {
        const c = await gh.upsertComment(gh.ctx.pullNumber, marker(input2.key), body);
        info(`${c.created ? "Created" : "Updated"} the pull request comment ${c.id}.`);
      } else {
        const id = await gh.findComment(gh.ctx.pullNumber, marker(input2.key));
        if (id !== void 0) {
          await gh.upsertComment(gh.ctx.pullNumber, marker(input2.key), body);
        }
      }
    } catch (e) {
      if (!(e instanceof ReportError)) throw e;
      problems.push(e.message);
    }
  }
  if (cfg.checkRun) {
    try {
      result.checkRequests = await gh.checkRun(
        derive(input2, (r) => ({
          name: checkRunName(r.key),
          headSha: gh.ctx.headSha,
          conclusion: r.status === "failed" ? "failure" : r.status === "unknown" ? "neutral" : "success",
          title: r.status === "failed" ? `Build failed (${r.failure?.category ?? "unknown"})` : "Build succeeded",
          summary: `${r.findings.length} finding(s). The full report is in the job summary.`,
          annotations: checkAnnotations(r.findings),
          detailsUrl: r.links?.runUrl
        }))
      );
    } catch (e) {
      if (!(e instanceof ReportError)) throw e;
      problems.push(e.message);
    }
  }
  return "done";
}
function checkRunName(key) {
  const room = 100 - "buildx-guard ()".length;
  return `buildx-guard (${key.length > room ? `${key.slice(0, 40)}\u2026${key.slice(-(room - 41))}` : key})`;
}
function annotationText(f) {
  const text2 = plainText(f.message);
  return `${text2.length > 4e3 ? `${text2.slice(0, 4e3)}\u2026` : text2}${f.hint ? `
Hint: ${f.hint}` : ""}`;
}
function annotationProps(f) {
  return {
    title: f.title,
    ...f.file ? { file: f.file } : {},
    ...f.line ? { startLine: f.line, endLine: f.endLine ?? f.line } : {}
  };
}
var LEVEL2 = { error: "failure", warning: "warning", notice: "notice" };
function checkAnnotations(findings2) {
  return findings2.filter((f) => f.file && f.line).map((f) => ({
    path: f.file,
    start_line: f.line,
    end_line: f.endLine ?? f.line,
    annotation_level: LEVEL2[f.severity],
    title: f.title.slice(0, 255),
    message: annotationText(f).slice(0, 64 * 1024 - 1)
  }));
}
function writeNoFollow(path, text2) {
  const fd = openSync(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
    420
  );
  try {
    writeSync(fd, text2);
  } finally {
    closeSync(fd);
  }
}

// src/report/input.ts
import { createHash as createHash2 } from "node:crypto";
import { existsSync as existsSync4 } from "node:fs";
import { isAbsolute as isAbsolute3, join as join8, relative } from "node:path";

// src/findings/types.ts
var DEFAULT_OPTIONS = {
  contextSizeWarnMb: 50,
  slowStepShare: 0.2,
  slowStepMinMs: 1e3,
  slowStepMax: 3,
  logLines: 15
};

// src/findings/analyze.ts
function analyze(input2) {
  const { trace } = input2;
  let status = input2.failure ? "failed" : traceStatus(trace);
  if (status === "unknown" && !trace.steps.length && !trace.binary && matchPattern(failureText(trace)))
    status = "failed";
  const failed2 = status === "failed";
  const failure = failed2 ? input2.failure ?? classify(failureText(trace), failureHints(trace)) : void 0;
  const options = { ...DEFAULT_OPTIONS, ...input2.options };
  const list2 = findings({
    trace,
    ...input2.firstTrace ? { firstTrace: input2.firstTrace } : {},
    dockerfile: input2.dockerfile,
    ...input2.dockerfiles ? { dockerfiles: input2.dockerfiles } : {},
    failure,
    attempts: input2.attempts ?? [],
    nodes: input2.nodes ?? [],
    host: input2.host ?? [],
    options
  });
  const main = list2.find((f) => f.rule === "build-failed");
  const steps = trace.steps.filter((s) => !s.internal);
  const failing = failed2 ? failingStep(trace) : void 0;
  const df = failing && main?.line ? dockerfileOf(input2, main.target) : void 0;
  const lineText = df && main?.line && main.file === df.path ? df.lines.slice(main.line - 1, main.endLine ?? main.line).map((l) => l.replace(/\\\s*$/, "").trim()).join(" ").trim() : void 0;
  const lastLines = failing?.logTail.slice(-options.logLines) ?? [];
  return {
    status,
    failure: failure ? {
      category: failure.category,
      retryable: failure.retryable,
      message: trace.error ?? failure.reason,
      ...main?.file ? { file: main.file } : {},
      ...main?.line ? { line: main.line } : {},
      ...main?.target ? { target: main.target } : {},
      ...failing ? { step: stepLabel(failing) } : {},
      ...lineText ? { lineText } : {},
      ...lastLines.length ? { lastLines } : {}
    } : null,
    findings: list2,
    stats: {
      durationMs: trace.durationMs,
      steps: steps.length,
      cachedSteps: steps.filter((s) => s.cached).length,
      contextBytes: trace.contextBytes,
      platforms: trace.platforms
    }
  };
}

// src/baseline/baseline.ts
function stepId(step, dockerfile) {
  const ref = dockerfile ? locateStep(dockerfile, step) : void 0;
  const text2 = ref && dockerfile ? dockerfile.lines.slice(ref.line - 1, ref.endLine).join("\n").trim() : "";
  const target = step.target ? [step.target] : [];
  return [...target, step.stage ?? "", step.instruction ?? step.name, text2].join("\0");
}
function byId(trace, files) {
  const map = /* @__PURE__ */ new Map();
  for (const s of trace.steps) {
    if (s.internal || s.error) continue;
    const id = stepId(s, dockerfileOf(files, s.target));
    const prev = map.get(id);
    const entry = {
      id,
      label: stepLabel({ ...s, platform: void 0 }),
      durationMs: s.durationMs ?? 0,
      cached: s.cached
    };
    map.set(
      id,
      prev ? {
        ...prev,
        durationMs: Math.max(prev.durationMs, entry.durationMs),
        cached: prev.cached && entry.cached
      } : entry
    );
  }
  return map;
}
function toBaseline(trace, files, ref, now = /* @__PURE__ */ new Date()) {
  const steps = [...byId(trace, files).values()];
  return {
    version: 1,
    createdAt: now.toISOString(),
    ref,
    totalMs: trace.durationMs,
    cacheRatio: steps.length ? steps.filter((s) => s.cached).length / steps.length : 0,
    contextBytes: trace.contextBytes,
    steps
  };
}
var BASELINE_MAX_BYTES = 8 * 1024 * 1024;
var MAX_STEPS = 2e4;
var MAX_STEP_TEXT = 1024 * 1024;
var BASELINE_KEYS = ["version", "createdAt", "ref", "totalMs", "cacheRatio", "contextBytes", "steps"];
var STEP_KEYS = ["id", "label", "durationMs", "cached"];
function checkBaseline(text2) {
  if (text2.length > BASELINE_MAX_BYTES) return `larger than ${BASELINE_MAX_BYTES} bytes`;
  let raw;
  try {
    raw = JSON.parse(text2);
  } catch {
    return "not JSON";
  }
  const b = jsonObject(raw, BASELINE_KEYS);
  if (typeof b === "string") return b;
  if (b.version !== 1) return `version ${String(JSON.stringify(b.version)).slice(0, 64)}, not 1`;
  if (!isText(b.createdAt, 64) || !isText(b.ref, 1024)) return "'createdAt' or 'ref' is not a short string";
  if (!isCount(b.totalMs) || !isCount(b.cacheRatio, 1) || !isCount(b.contextBytes))
    return "'totalMs', 'cacheRatio' or 'contextBytes' is not a number in range";
  if (!isList(b.steps, MAX_STEPS)) return `'steps' is not a list of at most ${MAX_STEPS}`;
  const steps = [];
  for (const [i, st] of b.steps.entries()) {
    if (!isObject(st, STEP_KEYS) || !isText(st.id, MAX_STEP_TEXT) || !isText(st.label, MAX_STEP_TEXT) || !isCount(st.durationMs) || typeof st.cached !== "boolean")
      return `step ${i} is not exactly { id, label, durationMs, cached } with their types and sizes`;
    steps.push({
      id: st.id,
      label: st.label,
      durationMs: st.durationMs,
      cached: st.cached
    });
  }
  return {
    version: 1,
    createdAt: b.createdAt,
    ref: b.ref,
    totalMs: b.totalMs,
    cacheRatio: b.cacheRatio,
    contextBytes: b.contextBytes,
    steps
  };
}
function compare(baseline, ctx, opts) {
  const out = [];
  const { trace } = ctx;
  const factor = 1 + opts.thresholdPercent / 100;
  const slower = (now, before2) => now > before2 * factor && now - before2 >= opts.minMs;
  if (slower(trace.durationMs, baseline.totalMs)) {
    const pct = Math.round((trace.durationMs / Math.max(1, baseline.totalMs) - 1) * 100);
    out.push({
      rule: "slower-than-baseline",
      severity: "warning",
      title: `Build ${pct}% slower than the baseline (${seconds(trace.durationMs)} vs ${seconds(baseline.totalMs)})`,
      message: gfm`This build took ${text(seconds(trace.durationMs))}; the baseline (${code(baseline.ref)}) took ${text(seconds(baseline.totalMs))}.`,
      impactMs: trace.durationMs - baseline.totalMs
    });
  }
  const before = new Map(baseline.steps.map((s) => [s.id, s]));
  const seen = /* @__PURE__ */ new Set();
  const lost2 = [];
  const findingCtx = {
    ...ctx,
    attempts: [],
    nodes: [],
    host: [],
    options: {}
  };
  const redactId = opts.redactId ?? ((id) => id);
  for (const s of trace.steps) {
    if (s.internal || s.error) continue;
    const id = redactId(stepId(s, dockerfileOf(ctx, s.target)));
    const b = before.get(id);
    if (!b || seen.has(id)) continue;
    seen.add(id);
    if (b.cached && !s.cached) lost2.push(s);
    const now = s.durationMs ?? 0;
    if (!s.cached && !b.cached && slower(now, b.durationMs)) {
      const pct = Math.round((now / Math.max(1, b.durationMs) - 1) * 100);
      out.push({
        rule: "slower-than-baseline",
        severity: "notice",
        title: `${stepLabel(s)} ${pct}% slower than the baseline`.slice(0, 200),
        message: gfm`${code(stepLabel(s))} took ${text(seconds(now))}; ${text(seconds(b.durationMs))} in the baseline (${code(baseline.ref)}).`,
        impactMs: now - b.durationMs,
        ...anchor(findingCtx, s)
      });
    }
  }
  if (lost2.length) {
    const lineOf = (s) => anchor(findingCtx, s).line ?? Number.MAX_SAFE_INTEGER;
    const first = [...lost2].sort((a, b) => lineOf(a) - lineOf(b) || (a.number ?? 0) - (b.number ?? 0))[0];
    const rerunMs = lost2.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
    out.push({
      rule: "cache-ratio-drop",
      severity: "warning",
      title: `${lost2.length} step(s) cached in the baseline ran again, from ${stepLabel(first)}`.slice(
        0,
        200
      ),
      message: gfm`In the baseline (${code(baseline.ref)}) these steps were cached; in this build they ran (${text(seconds(rerunMs))}):\n\n${joinMd(
        lost2.map((s) => gfm`- ${code(stepLabel(s))} (${text(seconds(s.durationMs ?? 0))})`)
      )}`,
      hint: "A change to the files the first of them uses (or to a build argument) invalidated the cache from there on; copy what changes often as late as possible.",
      impactMs: rerunMs,
      ...anchor(findingCtx, first)
    });
  }
  return out;
}
function baselineDurations(baseline) {
  return new Map(baseline.steps.map((s) => [s.id, s.durationMs]));
}

// src/report/input.ts
function dockerfileLocation(config, workspace, cwd = process.cwd()) {
  const { context, file } = config.build;
  if (/^[a-z]+:\/\//i.test(context) || context.startsWith("git@") || file === "-") return void 0;
  const abs = file ? isAbsolute3(file) ? file : join8(cwd, file) : join8(isAbsolute3(context) ? context : join8(cwd, context), "Dockerfile");
  if (!existsSync4(abs)) return void 0;
  const rel = relative(workspace, abs);
  if (!rel.startsWith("..")) return { abs, shown: rel.split("\\").join("/") };
  const ctx = relative(isAbsolute3(context) ? context : join8(cwd, context), abs);
  return { abs, shown: ctx.startsWith("..") || isAbsolute3(ctx) ? abs : ctx.split("\\").join("/") };
}
function loadDockerfile(config, workspace) {
  const at = dockerfileLocation(config, workspace);
  return at ? parseDockerfile(readBounded(at.abs, "dockerfile"), at.shown) : void 0;
}
function loadBakeDockerfiles(bake, workspace) {
  const out = {};
  const parsed = /* @__PURE__ */ new Map();
  for (const t of bake.targets) {
    if (!t.dockerfile) continue;
    const rel = relative(workspace, t.dockerfile);
    const path = rel.startsWith("..") ? t.dockerfile : rel.split("\\").join("/");
    let df = parsed.get(path);
    if (!df) {
      df = parseDockerfile(readBounded(t.dockerfile, "dockerfile"), path);
      parsed.set(path, df);
    }
    out[t.name] = df;
  }
  return out;
}
function chartSteps(trace, sources) {
  return trace.steps.filter((s) => !s.internal).map((s) => ({
    label: stepLabel(s),
    ...s.target ? { target: s.target } : {},
    id: stepId(s, dockerfileOf(sources, s.target)),
    startMs: s.startedMs,
    durationMs: s.durationMs ?? 0,
    cached: s.cached,
    failed: !!s.error
  }));
}
function attemptSummaries(attempts) {
  return attempts.map((a) => ({
    number: a.number,
    classification: a.classification,
    decision: a.decision,
    errorText: a.classification ? failureText(a.trace) : void 0,
    ...a.stall ? { stall: a.stall } : {}
  }));
}
function failureOf(c, error, record) {
  return c ? {
    category: c.category,
    reason: c.reason,
    message: error ?? c.reason,
    retryable: c.retryable,
    ...record && error ? { record: { id: record.ref.split("/").pop(), line: record.line } } : {}
  } : void 0;
}
function attemptRows(attempts) {
  return attempts.map((a) => ({
    number: a.number,
    durationMs: a.durationMs,
    exitCode: a.exitCode,
    category: a.classification?.category,
    decision: a.decision
  }));
}
function reportKey(config, env, builderInput, secrets = []) {
  const b = config.bake;
  const base = b ? [
    env.GITHUB_JOB || "job",
    builderInput || config.builder.driver,
    `bake:${b.targets.join(",") || "default"}`,
    [b.source, ...b.files].filter(Boolean).join(",") || b.workdir
  ] : [
    env.GITHUB_JOB || "job",
    builderInput || config.builder.driver,
    config.build.target || "default",
    config.build.file || config.build.context
  ];
  return [...base, config.report.key || legHash(config, env, secrets)].join(":");
}
function legHash(config, env, secrets = []) {
  const c = config.build;
  const sorted = (l) => [...l].sort();
  const leg = JSON.stringify({
    platforms: sorted(c.platforms),
    target: c.target,
    buildArgs: sorted(c.buildArgs),
    tags: sorted(c.tags),
    ...config.bake ? {
      bake: {
        targets: sorted(config.bake.targets),
        files: config.bake.files,
        set: sorted(config.bake.set)
      }
    } : {}
  });
  return createHash2("sha256").update(withoutRunIds(new Redactor(secrets).text(leg), env)).digest("hex").slice(0, 8);
}
function withoutRunIds(text2, env) {
  let out = text2;
  for (const sha of [env.GITHUB_SHA, prHeadSha(env)]) {
    if (!sha || !/^[0-9a-f]{40}$/.test(sha)) continue;
    out = cutOut(out, sha.slice(0, 7), (rest) => {
      let n = 0;
      while (n < 33 && rest[n] === sha[7 + n]) n++;
      return n;
    });
  }
  const runId = env.GITHUB_RUN_ID;
  if (runId && /^\d+$/.test(runId))
    out = cutOut(out, runId, (rest, before) => /\d/.test(before) || /^\d/.test(rest) ? -1 : 0);
  return out;
}
function cutOut(text2, token, extend) {
  let out = "";
  let from = 0;
  for (let at = text2.indexOf(token); at >= 0; at = text2.indexOf(token, at + 1)) {
    if (at < from) continue;
    const rest = text2.slice(at + token.length, at + token.length + 40);
    const more = extend(rest, text2[at - 1] ?? "");
    if (more < 0) continue;
    out += `${text2.slice(from, at)}<\u2026>`;
    from = at + token.length + more;
  }
  return out + text2.slice(from);
}
function prHeadSha(env) {
  try {
    if (!env.GITHUB_EVENT_PATH) return void 0;
    const event = JSON.parse(readBounded(env.GITHUB_EVENT_PATH, "event"));
    return event.pull_request?.head?.sha;
  } catch {
    return void 0;
  }
}
function linksOf(ctx) {
  return ctx ? { serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, sha: ctx.headSha, runUrl: ctx.runUrl } : void 0;
}
function reportFromBuild(opts) {
  const { config, outcome } = opts;
  const last = outcome.attempts[outcome.attempts.length - 1];
  const trace = last.trace;
  const dockerfiles = opts.dockerfiles;
  const dockerfile = opts.dockerfile ?? (config.bake ? void 0 : loadDockerfile(config, opts.workspace));
  const first = outcome.attempts[0].trace;
  const analysis = analyze({
    trace,
    ...outcome.attempts.length > 1 ? { firstTrace: first } : {},
    dockerfile,
    ...dockerfiles ? { dockerfiles } : {},
    failure: outcome.failure,
    attempts: attemptSummaries(outcome.attempts),
    options: { contextSizeWarnMb: config.report.contextSizeWarnMb },
    host: opts.host
  });
  const step = failingStep(trace);
  const findings2 = rankFindings([...analysis.findings, ...regressionsOf(opts, trace, dockerfile)]);
  return {
    key: opts.key,
    status: outcome.success ? "success" : "failed",
    failure: failureOf(outcome.failure, trace.error, trace.recordUse),
    attempts: attemptRows(outcome.attempts),
    builder: opts.builder,
    nodes: opts.state.nodes,
    findings: findings2,
    // The build's duration covers its attempts and the waits between them.
    stats: {
      ...analysis.stats,
      // The build's context is the first full transfer: a retry sends only what changed (often 0 B).
      contextBytes: Math.max(...outcome.attempts.map((a) => a.trace.contextBytes)),
      durationMs: Math.max(
        analysis.stats.durationMs,
        outcome.attempts.reduce((sum, a) => sum + a.durationMs + (a.waitMs ?? 0), 0)
      )
    },
    steps: chartSteps(trace, { dockerfile, dockerfiles }),
    ...outcome.targets ? { targets: outcome.targets } : {},
    failingLog: step && step.logTail.length ? {
      step: stepLabel(step),
      lines: step.logTail.slice(-30),
      ...step.clipped ? { clipped: step.clipped } : {}
    } : void 0,
    links: linksOf(opts.ctx),
    secrets: opts.secrets,
    baseline: opts.baseline ? baselineDurations(opts.baseline) : void 0
  };
}
function regressionsOf(opts, trace, dockerfile) {
  if (!opts.baseline) return [];
  const redactor = new Redactor(opts.secrets);
  return compare(
    opts.baseline,
    { trace, dockerfile, dockerfiles: opts.dockerfiles },
    {
      thresholdPercent: opts.config.report.regressionThreshold,
      minMs: 5e3,
      // Saved baselines are redacted (pipeline.ts): this build's ids are compared redacted too.
      redactId: (id) => redactor.text(id)
    }
  );
}
function isolatedTrace(run2) {
  const traces = run2.units.map((u) => u.outcome.attempts[u.outcome.attempts.length - 1].trace);
  return {
    ...traces[0],
    steps: traces.flatMap((t) => t.steps),
    warnings: traces.flatMap((t) => t.warnings),
    contextBytes: traces.reduce((sum, t) => sum + t.contextBytes, 0),
    platforms: [...new Set(traces.flatMap((t) => t.platforms))],
    durationMs: run2.wallMs,
    targets: traces.flatMap((t) => t.targets ?? [])
  };
}
function reportFromIsolated(opts) {
  const parts = opts.run.units.map((u) => ({
    unit: u.unit,
    report: reportFromBuild({ ...opts, baseline: void 0, outcome: u.outcome })
  }));
  const ordered = [
    ...parts.filter((p) => p.report.status === "failed"),
    ...parts.filter((p) => p.report.status !== "failed")
  ];
  const failed2 = ordered.find((p) => p.report.status === "failed")?.report;
  const seen = /* @__PURE__ */ new Set();
  const findings2 = [
    ...ordered.flatMap((p) => p.report.findings),
    ...regressionsOf(opts, isolatedTrace(opts.run))
  ].filter((f) => {
    const id = `${f.rule}\0${f.file ?? ""}\0${f.line ?? ""}\0${f.title}`;
    return !seen.has(id) && !!seen.add(id);
  });
  const stats = parts.map((p) => p.report.stats);
  const targets = opts.outcome.targets ?? [];
  return {
    key: opts.key,
    status: failed2 ? "failed" : "success",
    failure: failed2?.failure,
    attempts: ordered.flatMap((p) => p.report.attempts.map((a) => ({ ...a, bake: p.unit.name }))),
    builder: opts.builder,
    nodes: opts.state.nodes,
    findings: rankFindings(findings2),
    stats: {
      durationMs: opts.run.wallMs,
      steps: stats.reduce((sum, s) => sum + s.steps, 0),
      cachedSteps: stats.reduce((sum, s) => sum + s.cachedSteps, 0),
      contextBytes: stats.reduce((sum, s) => sum + s.contextBytes, 0),
      platforms: [...new Set(stats.flatMap((s) => s.platforms))]
    },
    steps: parts.flatMap((p) => p.report.steps),
    targets: [
      ...targets.filter((t) => t.status === "failed"),
      ...targets.filter((t) => t.status !== "failed")
    ],
    failingLog: failed2?.failingLog,
    links: linksOf(opts.ctx),
    secrets: opts.secrets,
    baseline: opts.baseline ? baselineDurations(opts.baseline) : void 0
  };
}
function reportFromNodes(opts) {
  const analysis = analyze({
    trace: {
      format: "unknown",
      steps: [],
      warnings: [],
      contextBytes: 0,
      platforms: [],
      durationMs: 0,
      unreadLines: 0,
      tail: []
    },
    nodes: opts.failed
  });
  return {
    key: opts.key,
    status: "failed",
    failure: {
      category: "builder",
      reason: "a builder node is not running",
      message: `${opts.failed.length} node(s) of builder '${opts.builder}' not running`
    },
    attempts: [],
    builder: { name: opts.builder, driver: opts.driver },
    nodes: opts.failed.map((f) => ({
      name: f.name,
      endpoint: f.endpoint,
      status: f.status,
      buildkit: "",
      platforms: []
    })),
    findings: analysis.findings.filter((f) => f.rule === "node-unavailable"),
    stats: analysis.stats,
    steps: [],
    links: linksOf(opts.ctx),
    secrets: opts.secrets
  };
}
function reportFromMerge(opts) {
  const { outcome, config } = opts;
  const last = outcome.attempts[outcome.attempts.length - 1];
  const analysis = analyze({
    trace: last.trace,
    failure: outcome.failure,
    attempts: attemptSummaries(outcome.attempts)
  });
  return {
    key: opts.key,
    status: outcome.success ? "success" : "failed",
    failure: failureOf(outcome.failure, last.trace.error ?? outcome.stopReason),
    attempts: attemptRows(outcome.attempts),
    nodes: [],
    // A merge has no Dockerfile steps: the build-only rules have nothing to say.
    findings: analysis.findings.filter(
      (f) => !["cache-invalidated", "slow-step", "large-context"].includes(f.rule)
    ),
    stats: { ...analysis.stats, durationMs: outcome.attempts.reduce((sum, a) => sum + a.durationMs, 0) },
    steps: [],
    links: linksOf(opts.ctx),
    secrets: opts.secrets,
    merge: {
      sources: config.merge?.sources ?? [],
      tags: config.build.tags,
      platforms: outcome.platforms,
      digest: outcome.digest
    }
  };
}

// src/merge/merge.ts
var MERGE_DEADLINE_MS = 60 * 6e4;
function mergeArgs(sources, tags, annotations) {
  return [
    "imagetools",
    "create",
    ...tags.flatMap((t) => ["--tag", t]),
    ...annotations.flatMap((a) => ["--annotation", a]),
    ...sources
  ];
}
function platformOf(p) {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}
async function readBack(buildx, ref) {
  const m = await buildx.buildx(["imagetools", "inspect", "--format", "{{json .Manifest}}", ref], {
    timeoutMs: 12e4
  });
  if (m.code !== 0) throw new Error(`cannot read ${ref}: ${lastLine(m.stderr) || `exit code ${m.code}`}`);
  const manifest = JSON.parse(m.stdout);
  if (manifest.manifests) {
    const platforms = manifest.manifests.filter((x) => x.annotations?.["vnd.docker.reference.type"] !== "attestation-manifest").map((x) => platformOf(x.platform ?? {})).filter((p) => p && p !== "unknown/unknown");
    return { digest: manifest.digest ?? "", platforms };
  }
  const img = await buildx.buildx(["imagetools", "inspect", "--format", "{{json .Image}}", ref], {
    timeoutMs: 12e4
  });
  if (img.code !== 0)
    throw new Error(`cannot read ${ref}: ${lastLine(img.stderr) || `exit code ${img.code}`}`);
  return { digest: manifest.digest ?? "", platforms: [platformOf(JSON.parse(img.stdout))] };
}
function lastLine(text2) {
  return text2.trim().split("\n").pop()?.replace(/^ERROR: /, "") ?? "";
}
async function verifyMerge(buildx, sources, tags) {
  const want = /* @__PURE__ */ new Map();
  for (const s of sources) for (const p of (await readBack(buildx, s)).platforms) want.set(p, s);
  const problems = [];
  const digests = /* @__PURE__ */ new Set();
  let platforms = [];
  for (const tag of tags) {
    const got = await readBack(buildx, tag);
    digests.add(got.digest);
    platforms = got.platforms;
    const missing = [...want].filter(([p]) => !got.platforms.includes(p));
    if (missing.length)
      problems.push(`${tag} lacks ${missing.map(([p, s]) => `${p} (from ${s})`).join(", ")}`);
  }
  if (digests.size > 1) problems.push(`the tags name different indexes (${[...digests].join(", ")})`);
  if (problems.length) {
    throw new Error(`The merged index is incomplete: ${problems.join("; ")}.`);
  }
  return { digest: [...digests][0] ?? "", platforms };
}
async function runMerge(config, deps) {
  const sources = config.merge.sources;
  const { tags, annotations } = config.build;
  const sleep = deps.sleep ?? ((ms) => abortableSleep(ms, deps.signal));
  const random = deps.random ?? Math.random;
  const args = mergeArgs(sources, tags, annotations);
  const attempts = [];
  const failed2 = (failure, stopReason) => ({
    success: false,
    attempts,
    failure,
    stopReason,
    digest: "",
    platforms: [],
    metadata: ""
  });
  const crashes = { count: 0 };
  const deadline = (deps.now ?? Date.now)() + MERGE_DEADLINE_MS;
  const stallMs = config.retry.stallTimeoutSeconds * 1e3;
  for (let n = 1; ; n++) {
    const left = Math.max(1e3, deadline - (deps.now ?? Date.now)());
    const attemptMs = config.retry.attemptTimeoutMinutes > 0 ? config.retry.attemptTimeoutMinutes * 6e4 : left;
    const stop = new AbortController();
    let host;
    const watch = stallMs > 0 ? new StallWatch({
      timeoutMs: stallMs,
      probe: async () => [],
      runningStep: () => "imagetools create",
      waitsOnRegistry: () => true,
      registryHost: () => host,
      onQuiet: () => {
      },
      onStall: () => stop.abort()
    }) : void 0;
    watch?.start();
    const r = await deps.group(
      `Merge, attempt ${n} of ${config.retry.maxAttempts}`,
      () => deps.buildx.buildx(args, {
        signal: deps.signal ? AbortSignal.any([deps.signal, stop.signal]) : stop.signal,
        timeoutMs: Math.min(attemptMs, left),
        onStderr: (d) => {
          watch?.progress();
          host = registryHostIn(String(d)) ?? host;
          String(d).split("\n").filter(Boolean).forEach(deps.out);
        }
      })
    );
    watch?.stop();
    const trace = parseTrace(r.stderr);
    const attempt = { number: n, exitCode: r.code, durationMs: r.durationMs, trace };
    attempts.push(attempt);
    if (r.code === 0 && !r.timedOut && !r.cancelled) break;
    const { classification: c, plan } = judgeFailure(
      attempt,
      n,
      r,
      watch?.stall,
      crashes,
      config.retry,
      random
    );
    if (!plan.retry) {
      deps.info(`Merge attempt ${n} failed (${c.category}): ${plan.why}.`);
      return failed2(c, plan.why);
    }
    if ((deps.now ?? Date.now)() + plan.waitMs >= deadline) {
      const why = `the merge ran into its deadline of ${MERGE_DEADLINE_MS / 6e4} minutes`;
      attempt.decision = `stopped: ${why}`;
      deps.info(`Merge attempt ${n} failed (${c.category}): ${why}.`);
      return failed2(c, why);
    }
    const wait2 = plan.waitMs;
    deps.info(
      `Merge attempt ${n} failed (${c.category}: ${c.reason}); retrying in ${(wait2 / 1e3).toFixed(1)} s.`
    );
    await sleep(wait2);
    if (deps.signal?.aborted) return failed2(c, "the job was cancelled");
  }
  try {
    const got = await verifyMerge(deps.buildx, sources, tags);
    deps.info(
      `Merged ${sources.length} source(s) into ${got.digest} on ${tags.length} tag(s): ${got.platforms.join(", ")}.`
    );
    return {
      success: true,
      attempts,
      digest: got.digest,
      platforms: got.platforms,
      metadata: JSON.stringify({ sources, tags, digest: got.digest, platforms: got.platforms })
    };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return failed2({ category: "unknown", retryable: false, reason, pattern: "merge-verify" }, reason);
  }
}
function mergeFailureMessage(sources, outcome) {
  const n = outcome.attempts.length;
  const error = outcome.attempts[n - 1]?.trace.error ?? outcome.stopReason ?? "imagetools create failed";
  return `The merge of ${sources} source(s) failed after ${n} attempt${n === 1 ? "" : "s"} (${outcome.failure?.category ?? "unknown"}): ${error}. Not retried further: ${outcome.stopReason ?? "unknown"}.`;
}

// src/buildx/history.ts
import { readdirSync, statSync as statSync3 } from "node:fs";
import { homedir } from "node:os";
import { join as join9 } from "node:path";
var MAX_RECORD_BYTES = 1 << 20;
var MAX_REFS = 16;
function refsDir(env) {
  const config = env.BUILDX_CONFIG || join9(env.DOCKER_CONFIG || join9(env.HOME || homedir(), ".docker"), "buildx");
  return join9(config, "refs");
}
function refTarget(path) {
  try {
    const text2 = readHead(path, "build-ref", 4096).toString("utf8");
    const t = JSON.parse(text2).Target;
    return typeof t === "string" ? t : "";
  } catch {
    return "";
  }
}
function buildRefs(dir, builder, sinceMs, targets) {
  const refs = [];
  const entries = (path) => {
    try {
      return readdirSync(path, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  for (const node of entries(join9(dir, builder))) {
    if (!node.isDirectory()) continue;
    for (const file of entries(join9(dir, builder, node.name))) {
      if (!file.isFile()) continue;
      try {
        const path = join9(dir, builder, node.name, file.name);
        const { mtimeMs } = statSync3(path);
        if (mtimeMs < sinceMs) continue;
        const target = refTarget(path);
        if (targets && !targets.includes(target)) continue;
        refs.push({
          ref: `${builder}/${node.name}/${file.name}`,
          node: node.name,
          id: file.name,
          mtimeMs,
          target
        });
      } catch {
      }
    }
  }
  return refs.sort((a, b) => b.mtimeMs - a.mtimeMs).slice(0, MAX_REFS);
}
async function inspectRecord(buildx, builder, id, timeoutMs, signal) {
  const chunks = [];
  let size = 0;
  const tooLarge = new AbortController();
  const r = await buildx.buildx(["history", "inspect", "--builder", builder, id, "--format", "json"], {
    capture: false,
    timeoutMs,
    signal: signal ? AbortSignal.any([signal, tooLarge.signal]) : tooLarge.signal,
    onStdout: (d) => {
      size += d.length;
      if (size > MAX_RECORD_BYTES) tooLarge.abort();
      else chunks.push(d);
    }
  });
  if (tooLarge.signal.aborted) return { ok: false, why: `its record is over ${MAX_RECORD_BYTES} bytes` };
  if (r.timedOut) return { ok: false, why: `no answer within ${timeoutMs / 1e3} s` };
  if (r.cancelled) return { ok: false, why: "cancelled" };
  if (r.code !== 0) return { ok: false, why: firstLine(r.stderrTail) || `exit code ${r.code}` };
  return { ok: true, json: Buffer.concat(chunks).toString("utf8") };
}

// src/attempts/record.ts
var RECORD_DEADLINE_MS = 5e3;
var MTIME_SLACK_MS = 100;
function recordReader(buildx, builder, version, debug, signal, now = Date.now) {
  return (startedMs, targets) => read(startedMs, targets).catch((e) => {
    debug(
      `No build record: ${e instanceof Error ? e.message : String(e)}; the failure is read from the log.`
    );
    return void 0;
  });
  async function read(startedMs, targets) {
    const v = await version;
    if (!atLeast(v, 0, 21)) {
      debug(
        `No build record: buildx ${v.raw} has no build history (0.21 or later); the failure is read from the log.`
      );
      return void 0;
    }
    const dir = refsDir(buildx.env);
    const refs = buildRefs(dir, builder, startedMs - MTIME_SLACK_MS, targets);
    if (!refs.length) {
      debug(
        `No build record: no reference of builder ${builder} since the attempt started in ${dir}; the failure is read from the log.`
      );
      return void 0;
    }
    const deadline = now() + RECORD_DEADLINE_MS;
    const why = [];
    for (const ref of refs) {
      const left = deadline - now();
      if (left <= 0) {
        why.push(`${ref.ref}: no time left`);
        break;
      }
      const r = await inspectRecord(buildx, builder, ref.id, left, signal);
      if (!r.ok) {
        why.push(`${ref.ref}: ${r.why}`);
        continue;
      }
      const record = parseRecord(r.json);
      if (!record) why.push(`${ref.ref}: not a build record`);
      else if (record.status !== "failed" || !record.error) why.push(`${ref.ref}: ${record.status}`);
      else {
        debug(`Build record ${ref.ref} read: the failure's error and Dockerfile line come from it.`);
        return { ...record, ref: ref.ref };
      }
    }
    debug(`No build record: ${why.join("; ")}; the failure is read from the log.`);
    return void 0;
  }
}

// src/builder/host.ts
import { readdirSync as readdirSync2, readlinkSync, statfsSync } from "node:fs";
import { join as join10 } from "node:path";
function readNumber(path) {
  try {
    const n = Number(readBounded(path, "proc").trim());
    return Number.isFinite(n) ? n : void 0;
  } catch {
    return void 0;
  }
}
function readOpenFiles(proc) {
  try {
    const m = readBounded(join10(proc, "self", "limits"), "proc").match(/^Max open files\s+(\S+)\s+(\S+)/m);
    if (!m) return void 0;
    const n = (v) => v === "unlimited" ? Infinity : Number(v);
    return { soft: n(m[1]), hard: n(m[2]) };
  } catch {
    return void 0;
  }
}
function readInotify(proc, uid) {
  const max = readNumber(join10(proc, "sys", "fs", "inotify", "max_user_instances"));
  if (max === void 0) return void 0;
  let used = 0;
  let pids;
  try {
    pids = readdirSync2(proc).filter((p) => /^\d+$/.test(p));
  } catch {
    return { max, used };
  }
  for (const pid of pids) {
    try {
      const owner = readBounded(join10(proc, pid, "status"), "proc").match(/^Uid:\s+(\d+)/m)?.[1];
      if (Number(owner) !== uid) continue;
      for (const fd of readdirSync2(join10(proc, pid, "fd"))) {
        if (readlinkSync(join10(proc, pid, "fd", fd)) === "anon_inode:inotify") used++;
      }
    } catch {
    }
  }
  return { max, used };
}
function readDisk(path) {
  try {
    const s = statfsSync(path);
    return { path, free: s.bavail * s.bsize, total: s.blocks * s.bsize };
  } catch {
    return void 0;
  }
}
async function hostChecks(driver, docker) {
  if (driver !== "docker" && driver !== "docker-container") return [];
  const info = await docker(["info", "--format", "{{.DockerRootDir}}"]).catch(() => ({
    code: 1,
    stdout: ""
  }));
  const dataRoot = info.code === 0 ? info.stdout.trim() : void 0;
  return judgeHost(readHost({ dataRoot: dataRoot || void 0 }));
}
function deferredHostChecks(read, delayMs) {
  let reading;
  const start = () => reading ??= read().catch(() => []);
  const timer = setTimeout(start, delayMs);
  timer.unref();
  return {
    settle(buildSucceeded) {
      clearTimeout(timer);
      return reading ?? (buildSucceeded ? Promise.resolve([]) : start());
    }
  };
}
function readHost(opts = {}) {
  const proc = opts.proc ?? "/proc";
  return {
    openFiles: readOpenFiles(proc),
    inotify: readInotify(proc, opts.uid ?? process.getuid?.() ?? 0),
    ...opts.dataRoot ? { disk: readDisk(opts.dataRoot) } : {}
  };
}
var GB = 1e9;
function judgeHost(r) {
  const out = [];
  if (r.openFiles) {
    const { soft, hard } = r.openFiles;
    out.push({
      check: "open-files",
      // The crashes seen in the wild were at limits like 1024; runners have 65536.
      ok: soft >= 8192,
      reading: `open files: soft limit ${soft}, hard ${hard}`,
      fix: "raise the open-file limit for the daemon (LimitNOFILE=1048576 in its systemd unit, or ulimit -n) before it starts"
    });
  }
  if (r.inotify) {
    const { max, used } = r.inotify;
    out.push({
      check: "inotify",
      ok: used < max * 0.8,
      reading: `inotify instances: ${used} of ${max} in use (fs.inotify.max_user_instances)`,
      fix: "sysctl -w fs.inotify.max_user_instances=8192 (and persist it in /etc/sysctl.d); BuildKit before 0.20.1 crashes when it cannot get one"
    });
  }
  if (r.disk) {
    const { path, free, total } = r.disk;
    out.push({
      check: "disk",
      ok: free >= 5 * GB && free >= total * 0.1,
      reading: `disk: ${(free / GB).toFixed(1)} GB free of ${(total / GB).toFixed(1)} GB at ${path}`,
      fix: "free space (docker builder prune, docker image prune) or give Docker a larger disk"
    });
  }
  return out;
}

// src/types/platform.ts
function parse(p) {
  const [os = "", arch = "", variant] = p.trim().toLowerCase().replace(/\*$/, "").split("/");
  return { os, arch, variant: variant || void 0 };
}
function serves(node, requested) {
  const n = parse(node);
  const r = parse(requested);
  if (n.os !== r.os || n.arch !== r.arch) return false;
  if (!r.variant) return true;
  const nv = n.variant ?? (n.arch === "arm64" ? "v8" : void 0);
  return nv === r.variant;
}
function samePlatform(a, b) {
  return serves(a, b) && serves(b, a);
}

// src/builder/platforms.ts
function missingPlatforms(requested, nodes) {
  const offered = nodes.filter((n) => n.status === "running").flatMap((n) => n.platforms);
  return requested.filter((r) => !offered.some((o) => serves(o, r)));
}
function emulationRemedy(driver, it) {
  if (driver === "remote")
    return `Install QEMU/binfmt on the node's own host (a remote node emulates only what its host's kernel has registered; QEMU on the runner does not reach it) so it can emulate ${it}`;
  if (driver === "kubernetes")
    return `Install QEMU/binfmt on the cluster's nodes (tonistiigi/binfmt) so the BuildKit pods can emulate ${it}`;
  return `Install QEMU on the runner (docker/setup-qemu-action) so the nodes can emulate ${it}`;
}
function missingPlatformsMessage(missing, nodes, driver) {
  const offers = nodes.map((n) => `'${n.name}' (${n.status}): ${n.platforms.slice(0, 8).join(", ") || "none reported"}`).join("; ");
  const it = missing.length === 1 ? "it" : "them";
  return `No running node serves ${missing.join(", ")} (input 'platforms'); the nodes offer ${offers}. ${emulationRemedy(driver, it)}, or add a native node for ${missing.length === 1 ? "it" : "each"} to 'nodes'.`;
}

// src/attempts/isolated.ts
import { mkdirSync as mkdirSync4 } from "node:fs";
import { join as join11 } from "node:path";
async function runIsolated(config, builder, deps, bake, units = bakeUnits(bake)) {
  const started = Date.now();
  const limit = Math.min(units.length, config.bake?.parallelism || units.length);
  let rechecking;
  const recheckNodes = () => rechecking ??= deps.recheckNodes().finally(() => {
    rechecking = void 0;
  });
  const results = new Array(units.length);
  let next = 0;
  const worker = async () => {
    while (next < units.length) {
      const i = next++;
      const unit = units[i];
      const tempDir = join11(deps.tempDir, `bake-${i + 1}`);
      mkdirSync4(tempDir, { recursive: true });
      const tag = (line) => `[${unit.name}] ${line}`;
      const unitDeps = {
        ...deps,
        tempDir,
        recheckNodes,
        info: (line) => deps.info(tag(line)),
        out: (line) => deps.out(tag(line)),
        // The job log's groups cannot interleave: bakes running side by side print a header instead.
        group: limit > 1 ? async (name, fn) => {
          deps.info(tag(name));
          return fn();
        } : (name, fn) => deps.group(tag(name), fn)
      };
      const unitConfig = { ...config, bake: { ...config.bake, targets: unit.requested } };
      const outcome = await runBuild(unitConfig, builder, unitDeps, {
        ...bake,
        targets: unit.targets,
        requested: unit.requested
      });
      results[i] = { unit, outcome };
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return { units: results, wallMs: Date.now() - started };
}
function combineOutcomes(run2) {
  const failed2 = run2.units.filter((u) => !u.outcome.success);
  const first = failed2[0]?.outcome;
  const metadata = {};
  for (const { outcome } of run2.units) Object.assign(metadata, parseMetadata(outcome.metadata));
  const targets = run2.units.flatMap(
    ({ unit, outcome }) => (outcome.targets ?? []).map((t) => ({
      ...t,
      attempts: outcome.attempts.length,
      ...outcome.success ? {} : { category: outcome.failure?.category ?? "unknown" },
      bake: unit.name
    }))
  );
  const one = targets.length === 1 && targets[0].status === "success" ? targets[0] : void 0;
  return {
    success: !failed2.length,
    attempts: run2.units.flatMap(
      ({ unit, outcome }) => outcome.attempts.map((a) => ({ ...a, bake: unit.name }))
    ),
    ...first ? { failure: first.failure, stopReason: first.stopReason } : {},
    metadata: Object.keys(metadata).length ? JSON.stringify(metadata, null, 2) : "",
    digest: one?.digest ?? "",
    imageid: one?.imageid ?? "",
    targets
  };
}

// src/ledger/entry.ts
function stepOf(trace) {
  const failed2 = failingStep(trace);
  if (failed2 && !failed2.internal)
    return { label: failed2.instruction ?? failed2.name, platform: failed2.platform };
  const running = trace.steps.filter((s) => !s.internal && !s.done && !s.cached);
  const last = running[running.length - 1];
  if (!last) return {};
  const platforms = new Set(running.map((s) => s.platform));
  return {
    label: last.instruction ?? last.name,
    ...platforms.size === 1 && last.platform ? { platform: last.platform } : {}
  };
}
function attribute(nodes, named, platform) {
  if (named.length === 1) {
    const n = nodes.find((x) => x.name === named[0].name);
    return { node: named[0].name, endpoint: named[0].endpoint || n?.endpoint || "" };
  }
  if (named.length > 1) return {};
  if (platform) {
    const by = (match, of = (n) => n.platforms) => nodes.filter((n) => of(n).some((p) => match(p, platform)));
    const tiers = [by(samePlatform, (n) => n.declared ?? []), by(samePlatform), by(serves)];
    const serving = tiers.find((t) => t.length) ?? [];
    if (serving.length === 1) return { node: serving[0].name, endpoint: serving[0].endpoint };
    if (serving.length > 1) return {};
  }
  if (nodes.length === 1) return { node: nodes[0].name, endpoint: nodes[0].endpoint };
  return {};
}
function registryOf(c, stall, text2, pushedTo = []) {
  if (stall?.registry?.host) return stall.registry.host;
  if (c?.category !== "registry") return void 0;
  return registryHostIn(text2) ?? text2.match(/https?:\/\/([a-z0-9][a-z0-9.-]*(?::\d+)?)\/v2\//i)?.[1] ?? (pushedTo.length === 1 ? pushedTo[0] : void 0);
}
function transient(c, kind) {
  const classified = kind === "attempt" || kind === "merge";
  return !classified || !!c && (c.retryable || RETRYABLE.has(c.category));
}
function succeeded(a) {
  return a.exitCode === 0 && !a.timedOut && !a.cancelled;
}
function nodeIdentity(generated) {
  return (n) => generated.includes(n.name) && n.endpoint ? n.endpoint : n.name;
}
function buildEntry(outcome, nodes, platforms, run2, now, identity, pushedTo = []) {
  const events = [];
  outcome.attempts.forEach((a, i) => {
    if (succeeded(a)) return;
    if (a.cancelled || a.classification?.category === "cancelled") return;
    const later = outcome.attempts.slice(i + 1).filter((b) => b.bake === a.bake);
    const recovered = later.some(succeeded);
    const step = stepOf(a.trace);
    const named = a.stall?.nodes.length ? a.stall.nodes : a.downNodes ?? [];
    const platform = step.platform ?? (platforms.length === 1 ? platforms[0] : void 0);
    const kind = a.stall ? "stall" : a.downNodes?.length ? "recheck" : "attempt";
    const c = a.classification;
    events.push({
      kind,
      category: c?.category ?? "unknown",
      ...c?.pattern ? { pattern: c.pattern } : {},
      transient: transient(c, kind),
      recovered,
      ...identified(attribute(nodes, named, platform), identity),
      ...optional("registry", registryOf(c, a.stall, a.trace.error ?? c?.reason ?? "", pushedTo)),
      ...optional("step", a.stall?.step ?? step.label),
      lostMs: Math.max(0, Math.round(a.durationMs + (a.waitMs ?? 0)))
    });
  });
  return {
    at: now.toISOString(),
    run: run2,
    attempts: outcome.attempts.length,
    nodes: nodes.map((n) => ({ name: identity(n), endpoint: n.endpoint })),
    events
  };
}
function identified(a, identity) {
  return a.node ? { ...a, node: identity({ name: a.node, endpoint: a.endpoint ?? "" }) } : a;
}
function bootEntry(failed2, all, run2, now, identity) {
  const nodes = all.length ? all : failed2;
  return {
    at: now.toISOString(),
    run: run2,
    attempts: 0,
    nodes: nodes.map((n) => ({ name: identity(n), endpoint: n.endpoint })),
    events: failed2.map((n) => ({
      kind: "boot",
      category: "builder",
      transient: true,
      recovered: false,
      node: identity(n),
      endpoint: n.endpoint,
      lostMs: 0
    }))
  };
}
function mergeEntry(outcome, run2, now, pushedTo = []) {
  const events = [];
  outcome.attempts.forEach((a, i) => {
    if (succeeded(a)) return;
    if (a.classification?.category === "cancelled") return;
    const c = a.classification;
    events.push({
      kind: "merge",
      category: c?.category ?? "unknown",
      ...c?.pattern ? { pattern: c.pattern } : {},
      transient: transient(c, "merge"),
      recovered: outcome.attempts.slice(i + 1).some(succeeded),
      ...optional("registry", registryOf(c, a.stall, a.trace.error ?? c?.reason ?? "", pushedTo)),
      lostMs: Math.max(0, Math.round(a.durationMs))
    });
  });
  return { at: now.toISOString(), run: run2, attempts: outcome.attempts.length, nodes: [], events };
}
function optional(key, value) {
  return value ? { [key]: value } : {};
}

// src/ledger/ledger.ts
function restoreLedger(store, debug) {
  if (!store) return Promise.resolve(void 0);
  return store.restore().catch((e) => {
    debug(`ledger: restore failed (${e instanceof Error ? e.message : String(e)}); starting a new one.`);
    return void 0;
  });
}
async function recordRun(restored, entry, secrets, now = /* @__PURE__ */ new Date()) {
  const redactor = new Redactor(secrets);
  const ledger = redactor.value(append(await restored, redactor.value(entry), now));
  const own = redactor.value(fit(entry));
  const mine = ledger.entries.find((e) => e.run === own.run && e.at === own.at) ?? own;
  return {
    view: { summary: summarize(ledger, mine, now), entry: mine, findings: flakyFindings(ledger) },
    ledger
  };
}
async function recordAndSave(store, entry, secrets, debug) {
  const { view, ledger } = await recordRun(restoreLedger(store, debug), entry(store.run), secrets);
  await saveLedger(store, ledger, debug);
  return view;
}
async function saveLedger(store, ledger, debug) {
  await store.save(ledger).catch((e) => debug(`ledger: save failed (${e instanceof Error ? e.message : String(e)}); carrying on.`));
}
function ledgerOutput(view) {
  return view ? JSON.stringify(view.summary) : "";
}

// src/pipeline.ts
var HOST_READING_DELAY_MS = 1e3;
async function runPipeline(config, setup, deps, key, io, bake) {
  const dockerfiles = bake ? loadBakeDockerfiles(bake, io.workspace) : void 0;
  const only = bake?.targets.length === 1 ? dockerfiles?.[bake.targets[0].name] : void 0;
  const dockerfile = bake ? only : loadDockerfile(config, io.workspace);
  const runsOn = (df) => !!df && runsOnTargetPlatform(df);
  const wanted = bake ? [...new Set(bake.targets.filter((t) => runsOn(dockerfiles?.[t.name])).flatMap((t) => t.platforms))] : runsOn(dockerfile) ? config.build.platforms : [];
  const missing = missingPlatforms(wanted, setup.state.nodes);
  if (missing.length) {
    const message = missingPlatformsMessage(missing, setup.state.nodes, setup.driver);
    return {
      preflight: { category: "platform", message },
      report: preflightReport(config, key, setup, message, io)
    };
  }
  const local = config.build.cacheMode === "local" && io.cache ? await io.cache.restoreLocal() : void 0;
  if (io.signal?.aborted) throw new Error("The job was cancelled before the build started.");
  const buildConfig = local ? {
    ...config,
    build: {
      ...config.build,
      cacheFrom: [...config.build.cacheFrom, ...local.cacheFrom],
      cacheTo: [...config.build.cacheTo, ...local.cacheTo]
    }
  } : config;
  const restoring = config.report.baseline ? io.cache?.restoreBaseline().catch(() => void 0) : void 0;
  const debug = io.debug ?? (() => {
  });
  const ledgerStore = io.cache?.ledger ?? io.ledger;
  const ledgerRestoring = restoreLedger(ledgerStore, debug);
  const host = deferredHostChecks(
    () => hostChecks(setup.driver, (args) => deps.buildx.docker(args, { timeoutMs: 15e3 })),
    HOST_READING_DELAY_MS
  );
  const buildDeps = {
    ...io,
    buildx: deps.buildx,
    tempDir: deps.tempDir,
    // Before a retry every node must be running again; one that stays down ends the loop.
    recheckNodes: async () => {
      await bootAndVerify(setup.name, { ...config.builder, bootstrapRetries: 0 }, deps);
    },
    probeNodes: (timeoutMs) => probeNodes(setup.name, setup.state.nodes, deps, timeoutMs),
    readRecord: recordReader(deps.buildx, setup.name, deps.version, deps.debug, io.signal)
  };
  const units = bake && config.bake?.isolation === "targets" ? bakeUnits(bake) : [];
  const isolated = bake && units.length > 1 ? await runIsolated(buildConfig, setup.name, buildDeps, bake, units) : void 0;
  const outcome = isolated ? combineOutcomes(isolated) : await runBuild(buildConfig, setup.name, buildDeps, bake);
  if (local && outcome.success) await local.save();
  const baseline = await restoring;
  const reportOptions = {
    config,
    key,
    builder: { name: setup.name, driver: setup.driver },
    state: setup.state,
    workspace: io.workspace,
    ctx: io.ctx,
    secrets: secretValues(config.build),
    baseline,
    dockerfile,
    ...dockerfiles ? { dockerfiles } : {},
    host: await host.settle(outcome.success)
  };
  let report2;
  try {
    report2 = isolated ? reportFromIsolated({ ...reportOptions, run: isolated, outcome }) : reportFromBuild({ ...reportOptions, outcome });
  } catch (e) {
    io.notice(
      `buildx-guard could not analyse this build (the build result is unchanged; the report has its outcome only): ${describe3(e, config)}`
    );
    report2 = bareReport(config, key, setup, io, {
      status: outcome.success ? "success" : "failed",
      ...outcome.success ? {} : {
        failure: {
          category: outcome.failure?.category ?? "unknown",
          reason: outcome.failure?.reason ?? "unknown",
          message: failureMessage(outcome)
        }
      },
      attempts: attemptRows(outcome.attempts)
    });
  }
  let recorded;
  try {
    recorded = ledgerStore ? await recordRun(
      ledgerRestoring,
      buildEntry(
        outcome,
        setup.state.nodes,
        buildPlatforms(config, bake),
        ledgerStore.run,
        /* @__PURE__ */ new Date(),
        nodeIdentity(config.builder.generatedNodeNames),
        pushesTo(config, bake)
      ),
      secretValues(config.build)
    ) : void 0;
  } catch (e) {
    io.notice(
      `buildx-guard could not record this run in the flake ledger (the build result is unchanged): ${describe3(e, config)}`
    );
  }
  const ledger = recorded?.view;
  report2 = withLedger(report2, ledger);
  let baselineToSave;
  if (config.report.baseline && outcome.success && io.cache) {
    try {
      const last = outcome.attempts[outcome.attempts.length - 1];
      baselineToSave = new Redactor(secretValues(config.build)).value(
        toBaseline(
          isolated ? isolatedTrace(isolated) : last.trace,
          { dockerfile, dockerfiles },
          io.ref ?? "local"
        )
      );
    } catch (e) {
      io.notice(
        `buildx-guard could not save the baseline (the build result is unchanged): ${describe3(e, config)}`
      );
    }
  }
  const kept2 = {
    ...baselineToSave ? { baseline: baselineToSave } : {},
    ...io.cache?.ledger && recorded ? { ledger: recorded.ledger } : {}
  };
  if (io.cache && (kept2.baseline || kept2.ledger)) {
    try {
      await io.cache.saveKept(kept2);
    } catch (e) {
      const what2 = [kept2.baseline && "the baseline", kept2.ledger && "the flake ledger"].filter(Boolean);
      io.notice(
        `buildx-guard could not save ${what2.join(" or ")} (the build result is unchanged): ${describe3(e, config)}`
      );
    }
  }
  if (ledgerStore && ledgerStore !== io.cache?.ledger && recorded)
    await saveLedger(ledgerStore, recorded.ledger, debug);
  return { outcome, report: report2, ...ledger ? { ledger } : {} };
}
function withLedger(input2, view) {
  return view ? {
    ...input2,
    findings: [...input2.findings, ...view.findings],
    ledger: { summary: view.summary, entry: view.entry }
  } : input2;
}
function pushesTo(config, bake) {
  const pushes = config.build.push || config.build.outputs.some((o) => /(^|,)push=true(,|$)/.test(o));
  return !bake && pushes ? pushHosts(config.build.tags) : [];
}
function buildPlatforms(config, bake) {
  return bake ? [...new Set(bake.targets.flatMap((t) => t.platforms))] : config.build.platforms;
}
function describe3(e, config) {
  return new Redactor(secretValues(config.build)).text(e instanceof Error ? e.message : String(e));
}
function preflightReport(config, key, setup, message, io) {
  return bareReport(config, key, setup, io, {
    status: "failed",
    failure: { category: "platform", reason: "a requested platform has no node", message },
    attempts: []
  });
}
function bareReport(config, key, setup, io, outcome) {
  return {
    key,
    ...outcome,
    builder: { name: setup.name, driver: setup.driver },
    nodes: setup.state.nodes,
    findings: [],
    stats: { durationMs: 0, steps: 0, cachedSteps: 0, contextBytes: 0, platforms: [] },
    steps: [],
    links: linksOf(io.ctx),
    secrets: secretValues(config.build)
  };
}
function failureMessage(outcome, findings2 = []) {
  const isolated = outcome.targets?.some((t) => t.attempts !== void 0);
  if (isolated && outcome.targets) {
    const failed3 = outcome.targets.filter((t) => t.status === "failed");
    const named = failed3.map((t) => {
      const at = findings2.find((f) => f.rule === "build-failed" && f.target === t.name && f.file);
      const where = at ? `, ${at.file}${at.line ? `:${at.line}` : ""}` : "";
      return `${t.name} (${t.category ?? "unknown"}${where})`;
    });
    const last2 = outcome.attempts.filter((a) => a.bake === failed3[0]?.bake).pop();
    const error2 = last2?.trace.error ? ` First error (${failed3[0].name}): ${last2.trace.error}.` : "";
    return `${failed3.length} of ${outcome.targets.length} targets failed: ${named.join(", ")}; the other targets ran to the end.${error2}`;
  }
  const n = outcome.attempts.length;
  const last = outcome.attempts[n - 1];
  const error = last?.trace.error ?? `buildx exited ${last?.exitCode}`;
  const failed2 = outcome.targets?.filter((t) => t.status === "failed").map((t) => t.name) ?? [];
  const what2 = outcome.targets ? `The bake${failed2.length ? ` (failed: target${failed2.length === 1 ? "" : "s"} ${failed2.join(", ")})` : ""}` : "The build";
  return `${what2} failed after ${n} attempt${n === 1 ? "" : "s"} (${outcome.failure?.category ?? "unknown"}): ${error}. Not retried further: ${outcome.stopReason ?? "unknown"}.`;
}

// src/action-io.ts
import { mkdtempSync } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join15 } from "node:path";

// src/attempts/local-cache.ts
import { existsSync as existsSync5, renameSync, rmSync } from "node:fs";
import { join as join12 } from "node:path";
function localCacheArgs(dir) {
  const restored = existsSync5(join12(dir, "index.json"));
  return {
    cacheFrom: restored ? [`type=local,src=${dir}`] : [],
    cacheTo: [`type=local,dest=${dir}-new,mode=max`]
  };
}
function rotateLocalCache(dir) {
  if (!existsSync5(join12(`${dir}-new`, "index.json"))) return false;
  rmSync(dir, { recursive: true, force: true });
  renameSync(`${dir}-new`, dir);
  return true;
}

// src/baseline/store.ts
import { createHash as createHash3 } from "node:crypto";
import { chmodSync, existsSync as existsSync6, lstatSync, mkdirSync as mkdirSync5, rmSync as rmSync2, writeFileSync as writeFileSync4 } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join as join13 } from "node:path";

// src/baseline/cache-call.ts
var library = () => import("./chunk-53DTYWBI.js");
var CACHE_DEADLINE_MS = {
  /** A baseline: one small JSON file. */
  baseline: 6e4,
  /** cache-mode local: a buildx cache folder, which can be large. */
  buildcache: 6e5
};
var CACHE_TIMEOUT_VARIABLE = "BUILDX_GUARD_CACHE_TIMEOUT_SECONDS";
var lingering = 0;
function cacheDeadlineMs(kind, env = process.env, say = () => {
}) {
  const set = env[CACHE_TIMEOUT_VARIABLE];
  if (set === void 0 || set === "") return CACHE_DEADLINE_MS[kind];
  if (/^\d{1,4}$/.test(set.trim()) && Number(set) >= 1 && Number(set) <= 3600) return Number(set) * 1e3;
  say(
    `${CACHE_TIMEOUT_VARIABLE} must be a whole number of seconds from 1 to 3600 (it is '${set.slice(0, 40)}'); waiting the default ${CACHE_DEADLINE_MS[kind] / 1e3} s for the Actions cache.`
  );
  return CACHE_DEADLINE_MS[kind];
}
async function cacheCall(deadlineMs, opts, call) {
  const { signal } = opts;
  if (signal?.aborted) return { ok: false, why: "cancelled", message: "the step was cancelled" };
  const work = library().then(call).then(
    (value) => ({ ok: true, value }),
    (e) => ({ ok: false, why: "failed", message: e instanceof Error ? e.message : String(e) })
  );
  let timer;
  let onAbort;
  const stop = new Promise((resolve4) => {
    timer = setTimeout(
      () => resolve4({
        ok: false,
        why: "deadline",
        message: `the Actions cache did not answer within ${deadlineMs % 1e3 ? `${deadlineMs} ms` : `${deadlineMs / 1e3} s`}`
      }),
      deadlineMs
    );
    onAbort = () => resolve4({ ok: false, why: "cancelled", message: "the step was cancelled" });
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  let settled = false;
  void work.then(() => {
    settled = true;
  });
  try {
    const outcome = await Promise.race([work, stop]);
    if (!outcome.ok && outcome.why !== "failed" && !settled) {
      lingering++;
      void work.then(() => lingering--);
    }
    return outcome;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}
async function cacheServiceAvailable(env = process.env) {
  if (!env.ACTIONS_CACHE_URL && !env.ACTIONS_RESULTS_URL) return false;
  return (await library()).isFeatureAvailable();
}
function endIfCacheCallsLinger() {
  if (lingering > 0) process.exit();
}

// src/baseline/store.ts
function clean(s) {
  return s.replace(/[^a-zA-Z0-9._/-]/g, "-").slice(0, 120);
}
function cacheKeys(kind, env, buildKey) {
  const branch = env.GITHUB_HEAD_REF || (env.GITHUB_REF ?? "").replace(/^refs\/heads\//, "") || "unknown";
  const baseBranch = env.GITHUB_BASE_REF || branch;
  const prefix = (b) => [`buildx-guard-${kind}-v1`, env.GITHUB_REPOSITORY ?? "", env.GITHUB_WORKFLOW ?? "", buildKey, b].map(clean).join("-") + "@";
  return {
    key: `${prefix(branch)}${env.GITHUB_RUN_ID ?? "0"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`,
    restorePrefix: prefix(env.GITHUB_BASE_REF ? baseBranch : branch),
    kind
  };
}
function baselineKeys(env, buildKey) {
  return cacheKeys("baseline", env, buildKey);
}
function untrustedToSave(env) {
  const event = env.GITHUB_EVENT_NAME ?? "";
  if (event === "pull_request_target" || event === "workflow_run")
    return `a ${event} run builds code its base repository does not control`;
  if (!/^pull_request/.test(event)) return void 0;
  let payload;
  try {
    payload = JSON.parse(readBounded(env.GITHUB_EVENT_PATH ?? "", "event"));
  } catch {
    return "the pull request event payload could not be read, so the head may be a fork";
  }
  const repo = payload?.pull_request?.head?.repo;
  if (repo?.fork === true || typeof repo?.full_name === "string" && repo.full_name !== env.GITHUB_REPOSITORY)
    return "the pull request comes from a fork";
  return void 0;
}
function stateRoot(env = process.env) {
  if (env.RUNNER_TEMP) return env.RUNNER_TEMP;
  const root = join13(tmpdir(), `buildx-guard-${clean(userInfo().username)}`);
  try {
    mkdirSync5(root, { mode: 448 });
  } catch {
  }
  try {
    const st = lstatSync(root);
    if (!st.isDirectory() || process.getuid && st.uid !== process.getuid()) return void 0;
    chmodSync(root, 448);
    return root;
  } catch {
    return void 0;
  }
}
function cacheFolder(kind, buildKey, env = process.env) {
  const root = stateRoot(env);
  if (!root) return void 0;
  const id = createHash3("sha256").update(`${env.GITHUB_REPOSITORY ?? ""}\0${buildKey}`).digest("hex").slice(0, 16);
  return join13(root, `buildx-guard-${kind}-${id}`);
}
function freshPrivateFolder(dir) {
  try {
    rmSync2(dir, { recursive: true, force: true });
    mkdirSync5(dir, { recursive: true, mode: 448 });
    chmodSync(dir, 448);
    return true;
  } catch {
    return false;
  }
}
function baselineFolder(buildKey, env = process.env) {
  return cacheFolder("baseline", buildKey, env);
}
var givenUp = /* @__PURE__ */ new Set();
function restoreGivenUp(dir) {
  return givenUp.has(dir);
}
function deadlineOf(keys, say) {
  return cacheDeadlineMs(keys.kind === "buildcache" ? "buildcache" : "baseline", process.env, say);
}
async function restoreFolder(keys, dir, debug, opts = {}) {
  if (!await cacheServiceAvailable()) {
    debug(`cache: the Actions cache service is not available here; nothing restored into ${dir}.`);
    return void 0;
  }
  const notice = opts.notice ?? debug;
  const restore = (lookupOnly = false) => cacheCall(
    deadlineOf(keys, notice),
    opts,
    (cache) => cache.restoreCache([dir], keys.key, [keys.restorePrefix], lookupOnly ? { lookupOnly } : void 0)
  );
  const giveUp = (message) => {
    givenUp.add(dir);
    notice(`cache: restore of ${keys.restorePrefix}* given up: ${message}; carrying on without it.`);
    return void 0;
  };
  const first = await restore();
  if (first.ok && first.value) {
    debug(`cache: restored ${first.value}`);
    return first.value;
  }
  if (!first.ok && first.why !== "failed") return giveUp(first.message);
  const why = first.ok ? "nothing restored" : first.message;
  const exists = await restore(true);
  if (!exists.ok && exists.why !== "failed") return giveUp(exists.message);
  if (exists.ok && !exists.value) {
    debug(
      first.ok ? `cache: none found under ${keys.restorePrefix}` : `cache: restore failed (${first.message}); none found under ${keys.restorePrefix}.`
    );
    return void 0;
  }
  if (!freshPrivateFolder(dir)) return void 0;
  const again = await restore();
  if (again.ok && again.value) {
    debug(`cache: restored ${again.value} on a second try (the first: ${why})`);
    return again.value;
  }
  if (!again.ok && again.why !== "failed") return giveUp(again.message);
  freshPrivateFolder(dir);
  const newest = exists.ok ? exists.value : `the newest entry under ${keys.restorePrefix}`;
  notice(
    `cache: ${newest} could not be restored twice (${again.ok ? why : again.message}); carrying on without it, and this run's save starts it again.`
  );
  return void 0;
}
function saveRefused(dir, env = process.env) {
  return untrustedToSave(env) ?? (givenUp.has(dir) ? `the restore into ${dir} was given up and may still write into it` : void 0);
}
async function saveFolder(keys, dir, debug, env = process.env, opts = {}) {
  const refused = saveRefused(dir, env);
  if (refused) {
    debug(`cache: not saving ${keys.key}: ${refused}.`);
    return false;
  }
  if (!await cacheServiceAvailable() || !existsSync6(dir)) return false;
  const notice = opts.notice ?? debug;
  const r = await cacheCall(deadlineOf(keys, notice), opts, (cache) => cache.saveCache([dir], keys.key));
  if (r.ok) {
    debug(`cache: saved ${dir} as ${keys.key} (${r.value})`);
    return r.value !== -1;
  }
  if (r.why === "failed") debug(`cache: save failed (${r.message}); carrying on.`);
  else notice(`cache: save of ${keys.key} given up: ${r.message}; carrying on.`);
  return false;
}
var BASELINE_FILE = "baseline.json";
function readBaselineIn(dir) {
  const file = join13(dir, BASELINE_FILE);
  try {
    const st = lstatSync(file);
    if (!st.isFile()) return "not a regular file";
    if (st.size > BASELINE_MAX_BYTES) return `larger than ${BASELINE_MAX_BYTES} bytes`;
    return checkBaseline(readBounded(file, "baseline"));
  } catch {
    return "no baseline.json in it";
  }
}
async function saveJsonFolder(keys, dir, files, debug, env = process.env, opts = {}) {
  const refused = saveRefused(dir, env);
  if (refused) {
    debug(`cache: not saving ${keys.key}: ${refused}.`);
    return false;
  }
  if (!await cacheServiceAvailable() || !freshPrivateFolder(dir)) return false;
  for (const [name, value] of Object.entries(files))
    writeFileSync4(join13(dir, name), JSON.stringify(value), { mode: 384 });
  return saveFolder(keys, dir, debug, env, opts);
}

// src/ledger/store.ts
import { chmodSync as chmodSync2, existsSync as existsSync7, lstatSync as lstatSync2, renameSync as renameSync2, rmSync as rmSync3, writeFileSync as writeFileSync5 } from "node:fs";
import { dirname as dirname3, join as join14 } from "node:path";
var LEDGER_FILE = "ledger.json";
function readLedgerFile(file, debug) {
  let textOf;
  try {
    const st = lstatSync2(file);
    if (!st.isFile()) {
      debug(`ledger: ${file} ignored: not a regular file.`);
      return void 0;
    }
    textOf = readBounded(file, "ledger");
  } catch (e) {
    debug(`ledger: ${file} ignored: ${e.message}`);
    return void 0;
  }
  const r = checkLedger(textOf);
  if (typeof r === "string") {
    debug(`ledger: ${file} ignored: ${r}.`);
    return void 0;
  }
  if (r.dropped)
    debug(`ledger: ${r.dropped} malformed entr${r.dropped === 1 ? "y" : "ies"} of ${file} dropped.`);
  return r.ledger;
}
function ledgerReadOnly(env) {
  if (/^pull_request/.test(env.GITHUB_EVENT_NAME ?? ""))
    return "a pull request reads the base branch\u2019s ledger and does not write it";
  return untrustedToSave(env);
}
function actionsKeptEntry(buildKey, secrets, env, debug, keep2, opts = {}) {
  const keys = baselineKeys(env, buildKey);
  const dir = baselineFolder(buildKey, env);
  let restoring;
  let saved = false;
  const restoreOnce = async () => {
    if (!dir || !freshPrivateFolder(dir)) return {};
    keep2(dir);
    const hit = await restoreFolder(keys, dir, debug, opts);
    if (!hit || restoreGivenUp(dir)) return {};
    chmodSync2(dir, 448);
    const kept2 = {};
    if (existsSync7(join14(dir, BASELINE_FILE))) {
      const b = readBaselineIn(dir);
      debug(`baseline: restored ${hit}${typeof b === "string" ? ` (ignored: ${b})` : ""}`);
      if (typeof b !== "string") kept2.baseline = b;
    }
    const ledger = join14(dir, LEDGER_FILE);
    if (existsSync7(ledger)) kept2.ledger = readLedgerFile(ledger, debug);
    return kept2;
  };
  const restore = () => restoring ??= restoreOnce().catch((e) => {
    debug(`cache: restore failed (${e instanceof Error ? e.message : String(e)}); carrying on without it.`);
    return {};
  });
  return {
    run: `${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`,
    restore,
    async save({ baseline, ledger }) {
      if (!dir) return;
      if (saved) {
        debug("cache: the run\u2019s entry is saved once; a second save is ignored.");
        return;
      }
      saved = true;
      const refused = saveRefused(dir, env);
      const readOnly = ledgerReadOnly(env);
      if (baseline && refused) debug(`baseline: not saved: ${refused}.`);
      if (ledger && (refused ?? readOnly)) debug(`ledger: not saved: ${refused ?? readOnly}.`);
      const newLedger = readOnly ? void 0 : ledger;
      if (refused || !baseline && !newLedger) return;
      const restored = await restore();
      const redactor = new Redactor(secrets);
      const files = {};
      if (baseline) files[BASELINE_FILE] = baseline;
      else if (restored.baseline) files[BASELINE_FILE] = redactor.value(restored.baseline);
      if (newLedger) files[LEDGER_FILE] = newLedger;
      else if (!readOnly && restored.ledger) files[LEDGER_FILE] = redactor.value(restored.ledger);
      keep2(dir);
      if (!await saveJsonFolder(keys, dir, files, debug, env, opts)) return;
      if (baseline) debug(`baseline: saved as ${keys.key}`);
      if (newLedger) debug(`ledger: saved as ${keys.key}`);
    }
  };
}
function entryLedgerStore(entry) {
  return {
    run: entry.run,
    restore: async () => (await entry.restore()).ledger,
    save: (ledger) => entry.save({ ledger })
  };
}

// src/action-io.ts
var kept = /* @__PURE__ */ new Set();
function keep(...dirs) {
  for (const d of dirs) kept.add(d);
  jobLog.saveState(STATE.keptDirs, JSON.stringify([...kept]));
}
function actionsCache(key, ledger, secrets, signal) {
  const opts = { signal, notice: (m) => jobLog.notice(m) };
  const entry = keptEntry(key, secrets, signal);
  return {
    async restoreLocal() {
      const dir = cacheFolder("buildcache", key);
      if (dir) keep(dir, `${dir}-new`);
      if (!dir || !freshPrivateFolder(dir) || !freshPrivateFolder(`${dir}-new`)) {
        jobLog.info("cache-mode local: no private folder for the build cache (RUNNER_TEMP); starting cold.");
        return { cacheFrom: [], cacheTo: [], save: async () => {
        } };
      }
      const localKeys = cacheKeys("buildcache", process.env, key);
      const hit = await restoreFolder(localKeys, dir, (l) => jobLog.debug(l), opts);
      if (restoreGivenUp(dir)) {
        jobLog.info("cache-mode local: the build cache was not restored in time; starting cold.");
        return { cacheFrom: [], cacheTo: [], save: async () => {
        } };
      }
      jobLog.info(
        hit ? `cache-mode local: restored the build cache ${hit}.` : "cache-mode local: no build cache to restore; starting cold."
      );
      return {
        ...localCacheArgs(dir),
        save: async () => {
          if (rotateLocalCache(dir)) await saveFolder(localKeys, dir, (l) => jobLog.debug(l), process.env, opts);
        }
      };
    },
    restoreBaseline: async () => (await entry.restore()).baseline,
    ...ledger ? { ledger: entryLedgerStore(entry) } : {},
    saveKept: (parts) => entry.save(parts)
  };
}
function keptEntry(key, secrets, signal) {
  return actionsKeptEntry(
    key,
    secrets,
    process.env,
    (l) => jobLog.debug(l),
    (dir) => keep(dir),
    { signal, notice: (m) => jobLog.notice(m) }
  );
}
function actionsLedger(key, secrets, signal) {
  return entryLedgerStore(keptEntry(key, secrets, signal));
}
function stepTempDir() {
  const root = process.env.RUNNER_TEMP || tmpdir2();
  try {
    return mkdtempSync(join15(root, "buildx-guard-"));
  } catch (e) {
    throw new Error(
      `Could not create the step's private folder in RUNNER_TEMP (${root}): ${describeFsError(e)}.`,
      { cause: e }
    );
  }
}

// src/version.ts
var VERSION = "0.1.0";

// src/timings.ts
import { performance } from "node:perf_hooks";
var Timings = class {
  last = 0;
  rows = [];
  /** Ends the phase that ran since the previous mark. */
  mark(phase) {
    const now = performance.now();
    this.rows.push([phase, now - this.last]);
    this.last = now;
  }
  toString() {
    const rows = this.rows.map(([p, ms]) => `${p} ${Math.round(ms)} ms`);
    return `Timings: ${rows.join(", ")}; total ${Math.round(this.last)} ms since the process started.`;
  }
};

// src/action.ts
async function run() {
  let config;
  const timings = new Timings();
  const cancel = phaseCancellation();
  try {
    maskRawSecrets((name) => getInput(name));
    config = parseConfig((name) => getInput(name));
    timings.mark("start-up and inputs");
    for (const v of secretValues(config.build)) maskValue(v, (x) => jobLog.setSecret(x));
    if (config.merge) return await merge(config);
    if (config.build.enabled && !config.bake) checkContext(config);
    const buildx = new Buildx();
    const bake = config.bake && config.build.enabled ? await resolveBake(config.bake, buildx, {
      token: config.build.githubToken,
      allow: config.build.allow
    }) : void 0;
    if (bake) {
      jobLog.info(`Bake targets: ${bake.targets.map((t) => t.name).join(", ")}`);
      timings.mark("bake definition");
    }
    const version = buildx.version();
    version.then((v) => jobLog.info(`buildx ${v.raw}`)).catch((e) => jobLog.debug(`buildx version: ${e}`));
    const tempDir = stepTempDir();
    jobLog.saveState(STATE.tempDir, tempDir);
    jobLog.saveState(STATE.cleanup, String(config.builder.cleanup));
    const deps = {
      buildx,
      version,
      tempDir,
      env: process.env,
      info: (l) => jobLog.info(l),
      debug: (l) => jobLog.debug(l),
      setSecret: (v) => jobLog.setSecret(v)
    };
    const cfg = config;
    if (phaseSignal?.aborted) throw new Error("The job was cancelled before the builder was created.");
    const setup = await jobLog.group(
      "Builder",
      () => setupBuilder(cfg.builder, deps, (name) => jobLog.saveState(STATE.builder, name))
    );
    jobLog.info(`Builder '${setup.name}' (${setup.driver}): every node is running.
${nodesTable(setup.state)}`);
    jobLog.setOutput("name", setup.name);
    jobLog.setOutput("driver", setup.driver);
    jobLog.setOutput("platforms", platformsOf(setup.state).join(","));
    jobLog.setOutput("nodes", nodesOutput(setup.state));
    timings.mark("builder");
    if (!config.build.enabled) return;
    const key = reportKey(
      config,
      process.env,
      getInput("builder") || getInput("name"),
      secretValues(config.build)
    );
    const ctx = readContext();
    const gh = ctx && config.build.githubToken ? new GitHub(config.build.githubToken, ctx) : void 0;
    if (gh && config.report.comment !== "off" && ctx?.pullNumber)
      gh.prefetchComment(ctx.pullNumber, marker(key));
    const result = await guarded(
      (io) => runPipeline(
        config,
        setup,
        deps,
        key,
        {
          ...io,
          notice: (m) => jobLog.notice(m),
          mask: (v) => jobLog.setSecret(v),
          workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
          ctx,
          cache: actionsCache(key, config.report.ledger, secretValues(config.build), io.signal),
          debug: (l) => jobLog.debug(l),
          ref: `${process.env.GITHUB_HEAD_REF || (process.env.GITHUB_REF ?? "").replace(/^refs\/heads\//, "") || "local"}@${(process.env.GITHUB_SHA ?? "").slice(0, 7)}`
        },
        bake
      )
    );
    timings.mark(bake ? "bake" : "build");
    const outcome = result.outcome;
    jobLog.setOutput(
      "attempts",
      String(outcome?.attempts.reduce((most, a) => Math.max(most, a.number), 0) ?? 0)
    );
    jobLog.setOutput("failure-category", outcome?.failure?.category ?? result.preflight?.category ?? "");
    jobLog.setOutput("metadata", outcome?.metadata ?? "");
    jobLog.setOutput("imageid", outcome?.imageid ?? "");
    jobLog.setOutput("digest", outcome?.digest ?? "");
    if (bake) jobLog.setOutput("targets", JSON.stringify(targetsOutput(bake, outcome?.targets)));
    jobLog.setOutput("ledger", ledgerOutput(result.ledger));
    const gate = await report(config, ctx, result.report, gh);
    timings.mark("report");
    const redactor = new Redactor(secretValues(config.build));
    if (result.preflight) failed(redactor.text(result.preflight.message));
    else if (outcome && !outcome.success)
      failed(redactor.text(failureMessage(outcome, result.report.findings)));
    else if (gate) failed(redactor.text(gate));
  } catch (e) {
    if (cancel.by) {
      jobLog.setOutput("failure-category", "cancelled");
      fail(
        new UserError(
          `The step was cancelled (${cancel.by}) before it finished; every buildx command it ran was stopped.`
        )
      );
      return;
    }
    if (e instanceof NodesDownError && config) {
      jobLog.setOutput("name", e.builder);
      jobLog.setOutput("driver", config.builder.driver);
      jobLog.setOutput("nodes", nodesDownOutput(e));
      jobLog.setOutput("attempts", "0");
      jobLog.setOutput("failure-category", "builder");
      const ctx = readContext();
      const key = reportKey(
        config,
        process.env,
        getInput("builder") || getInput("name"),
        secretValues(config.build)
      );
      const identity = nodeIdentity(config.builder.generatedNodeNames);
      const ledger = await keepLedger(
        config,
        key,
        (run2) => bootEntry(e.failed, e.state?.nodes ?? [], run2, /* @__PURE__ */ new Date(), identity)
      );
      await report(
        config,
        ctx,
        withLedger(
          reportFromNodes({
            key,
            builder: e.builder,
            driver: config.builder.driver,
            failed: e.failed,
            ctx,
            secrets: secretValues(config.build)
          }),
          ledger
        )
      ).catch((err) => jobLog.debug(`report: ${err}`));
    }
    fail(e, config ? secretValues(config.build) : []);
  } finally {
    cancel.release();
    if (config?.debug) jobLog.info(timings.toString());
    endIfCacheCallsLinger();
  }
}
var phaseSignal;
function phaseCancellation() {
  const abort = new AbortController();
  let by;
  const onSignal = (signal) => {
    by ??= signal;
    abort.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  phaseSignal = abort.signal;
  stopEveryCommandOn(abort.signal);
  return {
    get by() {
      return by;
    },
    release: () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      stopEveryCommandOn(void 0);
    }
  };
}
function targetsOutput(bake, results) {
  return bake.targets.map((t) => {
    const r = results?.find((x) => x.name === t.name);
    return {
      name: t.name,
      status: r?.status ?? "not-run",
      digest: r?.digest ?? "",
      ...r?.attempts !== void 0 ? { attempts: r.attempts } : {},
      ...r?.category ? { category: r.category } : {}
    };
  });
}
function maskRawSecrets(input2) {
  for (const line of input2("secrets").split(/\r?\n/)) {
    const value = line.includes("=") ? line.slice(line.indexOf("=") + 1) : line;
    if (value.trim().length >= 3) maskValue(value.trim(), (x) => jobLog.setSecret(x));
  }
  const token = input2("github-token");
  if (token) jobLog.setSecret(token);
}
async function report(config, ctx, input2, gh) {
  const token = config.build.githubToken;
  const result = await publish(input2, config.report, {
    annotate: (severity, message, props) => {
      if (severity === "error") jobLog.error(message, props);
      else if (severity === "warning") jobLog.warning(message, props);
      else jobLog.notice(message, props);
    },
    writeSummary: async (markdown) => {
      if (process.env.GITHUB_STEP_SUMMARY) await writeSummary(markdown);
    },
    notice: (m) => jobLog.notice(m),
    info: (l) => jobLog.info(l),
    github: gh ?? (ctx && token ? new GitHub(token, ctx) : void 0),
    version: VERSION
  });
  return result.gate;
}
async function guarded(fn) {
  const signal = phaseSignal ?? new AbortController().signal;
  return await fn({
    info: (line) => jobLog.info(line),
    out: (line) => jobLog.out(line),
    group: (name, inner) => jobLog.group(name, inner),
    signal
  });
}
async function merge(config) {
  const buildx = new Buildx();
  const outcome = await guarded((io) => runMerge(config, { ...io, buildx }));
  jobLog.setOutput("attempts", String(outcome.attempts.length));
  jobLog.setOutput("failure-category", outcome.failure?.category ?? "");
  jobLog.setOutput("metadata", outcome.metadata);
  jobLog.setOutput("digest", outcome.digest);
  const ctx = readContext();
  const key = reportKey(config, process.env, "merge", secretValues(config.build));
  const ledger = await keepLedger(
    config,
    key,
    (run2) => mergeEntry(outcome, run2, /* @__PURE__ */ new Date(), pushHosts(config.build.tags))
  );
  const gate = await report(
    config,
    ctx,
    withLedger(reportFromMerge({ config, key, outcome, ctx, secrets: secretValues(config.build) }), ledger)
  );
  const redactor = new Redactor(secretValues(config.build));
  if (!outcome.success) failed(redactor.text(mergeFailureMessage(config.merge.sources.length, outcome)));
  else if (gate) failed(redactor.text(gate));
}
async function keepLedger(config, key, entry) {
  let view;
  if (config.report.ledger) {
    try {
      const secrets = secretValues(config.build);
      view = await recordAndSave(
        actionsLedger(key, secrets, phaseSignal),
        entry,
        secrets,
        (l) => jobLog.debug(l)
      );
    } catch (err) {
      jobLog.debug(`ledger: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  jobLog.setOutput("ledger", ledgerOutput(view));
  return view;
}
function fail(e, secrets = []) {
  const redactor = new Redactor(secrets);
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof Error && e.stack && (isDebug() || !isUserError(e))) jobLog.debug(redactor.text(e.stack));
  failed(redactor.text(message));
}
function failed(message) {
  jobLog.fail(message);
}
export {
  fail,
  run
};
//# sourceMappingURL=chunk-YFXBL42Y.js.map
