// Self time of a V8 .cpuprofile (node --cpu-prof), within a time window, by function and by module: where a
// process's CPU went while a benchmark level ran.
import { readFileSync } from "node:fs";
import { round } from "./stats";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type SelfTime = { name: string; ms: number; percent: number };
export type ProfileSummary = {
  windowMs: number;
  busyMs: number;
  idleMs: number;
  byFunction: SelfTime[];
  byModule: SelfTime[];
  byArea: SelfTime[];
  byStorelinkFrame: SelfTime[];
};

const root = `file://${process.cwd()}/`;

/** Which package, Node subsystem or project file a frame belongs to. */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(V8 builtins / native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:internal/")) return `node:${url.slice("node:internal/".length).split("/")[0]!.replace(/\.js$/, "")}`;
  if (url.startsWith("node:")) return url.replace(/\.js$/, "");
  if (url.startsWith(root)) return url.slice(root.length);
  return url;
}

/** A coarser grouping for the report's headline: Storelink's own code vs the libraries and Node it runs on. */
export function areaOf(module: string): string {
  if (module === "(garbage collector)") return "garbage collection";
  if (module === "(program)" || module === "(V8 builtins / native)") return "V8 / native (no JS frame)";
  if (/^(lib|scripts|app)\//.test(module)) return "Storelink code (lib/)";
  if (module === "generated/prisma" || module.startsWith("generated/")) return "Prisma client (generated)";
  if (module.startsWith("node:")) {
    if (/^node:(http|_http|net|stream|streams|webstreams|dns|timers|async_hooks|process|buffer|url|events)/.test(module))
      return `Node core: ${module.slice(5).replace(/^_/, "")}`;
    return `Node core: ${module.slice(5)}`;
  }
  if (module.endsWith(" (WebAssembly)")) return areaOf(module.slice(0, -" (WebAssembly)".length));
  if (module === "undici") return "undici (upstream client; also Node's fetch/Request/Response)";
  if (module === "hono" || module === "@hono/node-server" || module === "@hono/zod-openapi") return `${module}`;
  return module;
}

/** Self time per function, module and area for samples whose time falls in [fromUs, toUs] (profile clock, µs). */
export function summarise(path: string, window?: { fromUs: number; toUs: number }, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // The innermost frame of Storelink's own code on each sample's stack: time spent in it or in what it
  // called synchronously (JSON.parse, crypto, zod …). Async continuations start a new stack.
  const ownFrame = new Map<number, string>();
  const storelinkFrameOf = (id: number): string => {
    const known = ownFrame.get(id);
    if (known !== undefined) return known;
    const { url, functionName } = byId.get(id)!.callFrame;
    const m = url ? moduleOf(url, functionName) : "";
    const here = /^(lib|scripts)\//.test(m) ? `${functionName || "(anonymous)"} (${m})` : null;
    const up = parent.get(id);
    const answer = here ?? (up === undefined ? "(no Storelink frame: server, framework, I/O, GC)" : storelinkFrameOf(up));
    ownFrame.set(id, answer);
    return answer;
  };
  const own = new Map<string, number>();
  // A WebAssembly module is named after the package whose JavaScript calls into it (Prisma's query
  // compiler, undici's HTTP parser), found on the stack above it.
  const wasmOwner = new Map<string, string>();
  for (const n of profile.nodes) {
    const url = n.callFrame.url;
    if (!url.startsWith("wasm://") || wasmOwner.has(url)) continue;
    for (let id = parent.get(n.id); id !== undefined; id = parent.get(id)) {
      const up = byId.get(id)!.callFrame.url;
      if (up && !up.startsWith("wasm://")) {
        wasmOwner.set(url, `${moduleOf(up, "")} (WebAssembly)`);
        break;
      }
    }
  }
  const moduleName = (url: string, functionName: string) => wasmOwner.get(url) ?? moduleOf(url, functionName);
  const fn = new Map<string, number>();
  const mod = new Map<string, number>();
  const area = new Map<string, number>();
  let t = profile.startTime;
  let idleUs = 0;
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (window && (t < window.fromUs || t > window.toUs)) continue;
    const node = byId.get(profile.samples[i]!)!;
    const { functionName, url, lineNumber } = node.callFrame;
    totalUs += dt;
    if (functionName === "(idle)") {
      idleUs += dt;
      continue;
    }
    const o = storelinkFrameOf(node.id);
    own.set(o, (own.get(o) ?? 0) + dt);
    const m = moduleName(url, functionName);
    const name = url ? `${functionName || "(anonymous)"} ${m}:${lineNumber + 1}` : functionName || "(anonymous)";
    fn.set(name, (fn.get(name) ?? 0) + dt);
    mod.set(m, (mod.get(m) ?? 0) + dt);
    const a = areaOf(m);
    area.set(a, (area.get(a) ?? 0) + dt);
  }
  const busyUs = totalUs - idleUs;
  const list = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: round(us / 1000), percent: round((100 * us) / Math.max(1, busyUs)) }));
  return {
    windowMs: round(totalUs / 1000),
    busyMs: round(busyUs / 1000),
    idleMs: round(idleUs / 1000),
    byFunction: list(fn, top),
    byModule: list(mod, top),
    byArea: list(area, top),
    byStorelinkFrame: list(own, top),
  };
}

/** The profile's clock at its end (µs): to place a window measured back from the process's exit. */
export function profileEndUs(path: string): number {
  return (JSON.parse(readFileSync(path, "utf8")) as Profile).endTime;
}
