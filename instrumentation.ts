// Next.js calls register() once per server process before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartupOrExit } = await import("@/lib/startup");
  await checkStartupOrExit();
  // Claims due connections with FOR UPDATE SKIP LOCKED, so every instance can run one (STORELINK_SCHEDULER=off stops it).
  const { startScheduler } = await import("@/lib/connections/scheduler");
  startScheduler();
}
