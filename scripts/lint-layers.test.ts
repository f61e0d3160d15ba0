import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer check (eslint.layers.mjs) must refuse imports against the arrows of ARCHITECTURE.md. Each case
// lints a one-line file placed in a layer and expects the boundaries rule to fail it (or to pass it).

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "boundaries/dependencies").map((m) => m.message);
}

describe("import layers", () => {
  it.each([
    ["lib/platforms/ecwid/wrong.ts", 'import { db } from "@/lib/db";'],
    ["lib/platforms/ecwid/wrong.ts", 'import { freshCredentials } from "@/lib/connections/fresh-credentials";'],
    ["lib/platforms/ecwid/wrong.ts", 'import { auth } from "@/lib/auth";'],
    ["lib/platforms/ecwid/wrong.ts", 'import { ActionError } from "@/lib/actions/safe-action";'],
    ["lib/connections/wrong.ts", 'import { runSchedulerTick } from "@/lib/jobs/scheduler";'],
    ["lib/connections/wrong.ts", 'import { ApiError } from "@/lib/api/errors";'],
    ["lib/vault/wrong.ts", 'import { db } from "@/lib/db";'],
    ["components/stores/wrong.tsx", 'import { keyRing } from "@/lib/vault";'],
    ["components/stores/wrong.tsx", 'import { db } from "@/lib/db";'],
    ["app/(dashboard)/wrong/page.tsx", 'import { db } from "@/lib/db";'],
    ["lib/auth/wrong.ts", 'import { Alert } from "@/components/ui/alert";'],
  ])("refuses %s → %s", async (file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ["lib/connections/fine.ts", 'import { adapterFor } from "@/lib/platforms/registry";'],
    ["lib/vault/fine.ts", 'import type { DbClient } from "@/lib/db-client";'],
    ["app/(dashboard)/fine/page.tsx", 'import { listUsers } from "@/lib/auth/users";'],
  ])("allows %s → %s", async (file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
