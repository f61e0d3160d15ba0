// Starts the local sandboxes (base port CONTRACT_SANDBOX_PORT) and the stand-in app they deliver webhooks to and
// frame (base+9), in the runner's process; the returned function stops both. The sandbox rows need them; a run
// against real targets only ("--project=real") still starts them: it is cheap and keeps one code path.
import { startSandbox } from "../simulators/server";
import { startContractApp } from "./support/contract-app";
import { contractAppUrl, sandboxBase } from "./env";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const sandbox = await startSandbox({ port: sandboxBase, appUrl: contractAppUrl });
  const app = await startContractApp(Number(new URL(contractAppUrl).port));
  return async () => {
    await sandbox.close();
    await new Promise<void>((resolve) => {
      app.close(() => resolve());
      app.closeAllConnections();
    });
  };
}
