// Child processes for the demo and the e2e server: started with their output prefixed, stopped together.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";

const children = new Set<ChildProcess>();
// Children started in their own process group: stopped as a group, so `npx`'s own children go too.
const groups = new WeakSet<ChildProcess>();

export function start(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyLine?: RegExp,
  options: {
    ownGroup?: boolean;
    /** Also keep every line in this file (the e2e leak scan reads the app's log). */ logFile?: string;
  } = {},
): Promise<ChildProcess> {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: !!options.ownGroup });
  const log = options.logFile ? createWriteStream(options.logFile, { flags: "a" }) : null;
  if (options.ownGroup) groups.add(child);
  children.add(child);
  child.on("exit", () => children.delete(child));
  return new Promise((resolve, reject) => {
    let ready = !readyLine;
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim()) continue;
        process.stdout.write(`[${name}] ${line}\n`);
        log?.write(`${line}\n`);
        if (!ready && readyLine?.test(line)) {
          ready = true;
          resolve(child);
        }
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      if (!ready) reject(new Error(`${name} exited with code ${code} before it was ready`));
    });
    if (ready) resolve(child);
  });
}

/** Resolves once `url` answers 200. `next start` prints "Ready" before it finds its build missing or broken. */
export async function waitUntilHealthy(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    const res = await fetch(url).catch((error: Error) => error);
    if (res instanceof Response && res.ok) return;
    last = res instanceof Response ? `HTTP ${res.status}` : res.message;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s (${last})`);
}

export function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed with exit code ${code}`))));
  });
}

export function stopAll(signal: NodeJS.Signals = "SIGTERM"): void {
  for (const child of children) {
    if (groups.has(child) && child.pid) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    } else child.kill(signal);
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}
