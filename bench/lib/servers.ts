// Processes the benchmarks run: the standalone unified-API server started as `node` itself (not through npx),
// so its pid is the server's and its CPU time can be read from /proc, or profiled with --cpu-prof.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { start, waitUntilHealthy } from "../../scripts/lib/processes";

export type StandaloneServer = { name: string; url: string; child: ChildProcess };

/** `npm run start:api` on `port` (the same entry point), optionally under `--cpu-prof` into `profileDir`. */
export async function startStandalone(
  name: string,
  port: number,
  env: NodeJS.ProcessEnv,
  options: { profileDir?: string } = {},
): Promise<StandaloneServer> {
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`, "--cpu-prof-interval=250"] : [];
  const child = await start(
    name,
    process.execPath,
    [...profile, "--conditions=react-server", "--import", "tsx", "scripts/api-server.ts"],
    { ...env, API_PORT: String(port), API_HOST: "127.0.0.1" },
    /unified API listening/,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(`${url}/api/v1/openapi.json`);
  return { name, url, child };
}

/** `next start` of the build in STORELINK_DIST_DIR, in its own process group (npx's children stop with it). */
export async function startNext(
  name: string,
  port: number,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; child: ChildProcess }> {
  const url = `http://127.0.0.1:${port}`;
  const child = await start(
    name,
    "npx",
    ["next", "start", "-H", "127.0.0.1", "-p", String(port)],
    { ...env, APP_URL: url, AUTH_URL: url },
    /Ready|started server/i,
    { ownGroup: true },
  );
  await waitUntilHealthy(`${url}/api/health`, 60_000);
  return { url, child };
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU seconds a process has used so far (Linux /proc/<pid>/stat, fields 14 and 15). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Stops one child (SIGTERM: the standalone server finishes in-flight calls and exits) and waits for it. */
export function stop(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
