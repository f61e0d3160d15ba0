// Next.js calls register() once per server process before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so every request from now on carries its socket address (lib/http/client-address.ts).
  const { recordPeerAddresses } = await import("@/lib/http/client-address");
  recordPeerAddresses();
  const { checkStartupOrExit } = await import("@/lib/startup");
  await checkStartupOrExit();
  // The scheduler (FOR UPDATE SKIP LOCKED, so every instance may run one), the read-cache listener and,
  // with STORELINK_API_SERVER=on, the unified API on its own port.
  const { startBackgroundWork } = await import("@/lib/jobs/start");
  await startBackgroundWork();
}
