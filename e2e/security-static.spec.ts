// Secret-leak checks that need no user flow: the built client bundle and the database at rest.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, localOnly, test } from "./support/fixtures";
import { connectThroughUi, seedEpStore } from "./support/elasticpath-fixtures";
import { scanDirectory, scanText } from "./support/secret-scan";
import { harnessDir, harnessSecretsPath } from "./support/test-env";

type Harness = { databaseUrl: string; secrets: string[] };
const harness = (): Harness => JSON.parse(readFileSync(harnessSecretsPath(), "utf8"));

test.describe("secrets at rest and in the bundle @security", () => {
  test("the built client bundle (.next/static) holds no secret", async ({ sandbox }) => {
    localOnly("scans the local build folder");
    const dist = process.env.STORELINK_DIST_DIR || ".next";
    const secrets = [...harness().secrets, ...(await sandbox.secrets())];
    expect(existsSync(join(dist, "static"))).toBe(true);
    expect(scanDirectory(join(dist, "static"), secrets)).toEqual([]);
  });

  test("a dump of the database holds no plaintext platform secret", async ({ sandbox, as }) => {
    localOnly("reads the harness's database");
    // Store a credential first, so the database certainly holds one (encrypted).
    const store = await seedEpStore();
    await connectThroughUi(await as("admin"), store);
    const { databaseUrl } = harness();
    const secrets = await sandbox.secrets();
    expect(secrets).toContain(store.key.client_secret);
    if (databaseUrl.startsWith("pglite:")) {
      // PGlite admits one process (the app holds it): read its files, WAL included, straight from disk.
      const findings = scanDirectory(join(harnessDir(), "db"), secrets);
      expect(findings).toEqual([]);
      return;
    }
    const dump = execFileSync("pg_dump", ["--data-only", databaseUrl], { maxBuffer: 256 * 1024 * 1024 }).toString("latin1");
    expect(dump).toContain("_prisma_migrations"); // the dump is real
    expect(scanText("pg_dump", dump, secrets)).toEqual([]);
  });
});
