// npm run example-integrator -- --storelink http://localhost:3000 --app-key sla_… --webhook-secret whsec_… [--port 4405]
// Register the app in Storelink (Apps → Register an app) with the return URL http://127.0.0.1:<port>/return
// and a webhook endpoint http://127.0.0.1:<port>/webhooks, then open http://127.0.0.1:<port>/.
import { parseArgs } from "node:util";
import { startIntegrator } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.INTEGRATOR_PORT ?? "4405" },
    storelink: { type: "string", default: process.env.STORELINK_URL ?? "http://localhost:3000" },
    "app-key": { type: "string", default: process.env.STORELINK_APP_KEY },
    "webhook-secret": { type: "string", default: process.env.STORELINK_WEBHOOK_SECRET },
  },
});

if (!values["app-key"] || !values["webhook-secret"]) {
  console.error("Give --app-key sla_… and --webhook-secret whsec_… (from the app's page in Storelink).");
  process.exit(2);
}
const integrator = await startIntegrator({
  port: Number(values.port),
  storelinkUrl: values.storelink!,
  appKey: values["app-key"],
  webhookSecret: values["webhook-secret"],
});
console.log(`Example integrator on ${integrator.url}: return URL ${integrator.url}/return, webhooks ${integrator.url}/webhooks`);
