// The uninstall row of e2e/simulators/CONFORMANCE.md. It runs last (files run in name order): against a real store
// it uninstalls the app and revokes the suite's token, so it is opt-in there (CONTRACT_ALLOW_UNINSTALL=yes).
import { contractEnv } from "./env";
import { call, expectStatus } from "./support/check";
import { contractName, need, test } from "./support/fixtures";
import { ecwidApi as api, expectEcwidError, NO_ECWID } from "./support/platforms";

test.describe("Ecwid uninstall @ecwid", () => {
  test("ECWID-APP-02 DELETE /application?namespace={client_id} uninstalls the app and revokes its tokens", async ({
    ecwid,
    target,
    control,
  }) => {
    const e = need(ecwid, NO_ECWID);
    const clientId = need(e.clientId, "needs the app's CONTRACT_ECWID_CLIENT_ID (the namespace)");
    test.skip(
      target === "real" && contractEnv.CONTRACT_ALLOW_UNINSTALL !== "yes",
      "uninstalls the app from the real store: set CONTRACT_ALLOW_UNINSTALL=yes (then reinstall it)",
    );
    // The sandbox uninstalls from a store of its own, so the suite's store keeps its installation.
    let storeUrl = api(e, "");
    let token = e.secretToken;
    if (control) {
      const store = await control.createEcwidStore({ name: contractName("uninstall"), productCount: 1, orderCount: 0 });
      token = (await control.installEcwid(store.storeId, ["read_store_profile", "update_store_profile"])).access_token;
      storeUrl = `${e.apiUrl}/api/v3/${store.storeId}`;
    }
    const del = await call(`${storeUrl}/application?namespace=${encodeURIComponent(clientId)}`, { method: "DELETE", token });
    expectStatus(del, 200, "DELETE /application");
    expectEcwidError(
      await call(`${storeUrl}/profile`, { token }),
      403,
      "INVALID_API_TOKEN",
      "the app's token after DELETE /application",
    );
  });
});
