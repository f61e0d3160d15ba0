// CLI: `npm run sandbox [-- --port 4400]`. Prints each listener URL, the
// seeded credentials the demo needs, then `sandbox ready` (tests wait for it).
import { startSandbox, HOSTS } from "./server";
import { DEMO_CUSTOMER, DEMO_MEMBER } from "./elasticpath/demo-shoppers";
import { DEFAULT_OAUTH2_CLIENT_ID, DEFAULT_OAUTH2_CLIENT_SECRET } from "./seed";

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const portRaw = argValue("--port") ?? process.env.SANDBOX_PORT ?? "4400";
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65530) throw new Error(`invalid port ${portRaw}`);
  const sandbox = await startSandbox({
    port,
    appUrl: argValue("--app-url") ?? process.env.SANDBOX_APP_URL ?? "http://localhost:3000",
    ...(process.env.SANDBOX_ECWID_CLIENT_ID ? { ecwidClientId: process.env.SANDBOX_ECWID_CLIENT_ID } : {}),
    ...(process.env.SANDBOX_ECWID_CLIENT_SECRET ? { ecwidClientSecret: process.env.SANDBOX_ECWID_CLIENT_SECRET } : {}),
    log: (line) => console.error(line),
  });
  for (const host of HOSTS) console.log(`${host.padEnd(14)}${sandbox.urls[host]}`);
  const { ecwid, elasticpath } = sandbox.state;
  console.log(`ecwid app     client_id=${ecwid.app.clientId} client_secret=${ecwid.app.clientSecret}`);
  console.log(`ecwid stores  ${[...ecwid.stores.values()].map((s) => `${s.id} "${s.name}"`).join(", ")}`);
  for (const s of elasticpath.stores.values())
    for (const k of s.keys) console.log(`ep key        store=${s.id} client_id=${k.clientId} client_secret=${k.clientSecret}`);
  console.log(`ep shoppers   store=ep-demo-store customer ${DEMO_CUSTOMER.email} / ${DEMO_CUSTOMER.password}`);
  console.log(
    `ep shoppers   store=ep-demo-store account member ${DEMO_MEMBER.username} / ${DEMO_MEMBER.password} (profile "Username and password", accounts ${DEMO_MEMBER.accounts.join(", ")})`,
  );
  console.log(`oauth2 client client_id=${DEFAULT_OAUTH2_CLIENT_ID} client_secret=${DEFAULT_OAUTH2_CLIENT_SECRET}`);
  console.log("sandbox ready");

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
