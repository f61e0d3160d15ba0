// Decides whether `.next` is older than the sources, so the demo and tests build only when needed.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "generated"];
const SOURCE_FILES = ["proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newestMtime(join(path, entry))), stat.mtimeMs);
}

export function buildIsStale(distDir = process.env.STORELINK_DIST_DIR || ".next"): boolean {
  const buildId = join(distDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((p) => newestMtime(p) > built);
}
