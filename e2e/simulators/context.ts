// What every host module receives: the shared state plus the bits of the running
// server they need (their own and sibling URLs, timers that must die on close).
import type { HostName } from "./http";
import type { SeedOptions } from "./seed";
import type { SandboxState } from "./state";

export interface SandboxContext {
  state: SandboxState;
  urls: Record<HostName, string>;
  /** Pending webhook retries; cleared on reset/close so nothing fires into a finished test. */
  timers: Set<ReturnType<typeof setTimeout>>;
  log: (line: string) => void;
  /** What reset re-applies (app URL, Ecwid client credentials). */
  seedOptions: SeedOptions;
  /** Set by close(): late webhook attempts must not schedule new timers. */
  closed?: boolean;
}

export function schedule(ctx: SandboxContext, ms: number, fn: () => void): ReturnType<typeof setTimeout> | undefined {
  if (ctx.closed) return undefined;
  const t = setTimeout(() => {
    ctx.timers.delete(t);
    fn();
  }, ms);
  ctx.timers.add(t);
  return t;
}

export function clearTimers(ctx: SandboxContext): void {
  for (const t of ctx.timers) clearTimeout(t);
  ctx.timers.clear();
}

/** The sandbox clock (of one store's events, when given): real time plus the offsets set through POST /__sandbox/clock. */
export function sandboxNow(ctx: SandboxContext, storeId?: number): number {
  const { clockOffsetMs, storeClockOffsetsMs } = ctx.state.ecwid;
  return Date.now() + clockOffsetMs + (storeId === undefined ? 0 : (storeClockOffsetsMs.get(storeId) ?? 0));
}
