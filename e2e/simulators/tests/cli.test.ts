// The CLI contract other tooling relies on: base+0…base+4, one URL per line, then "sandbox ready".
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("../main.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGTERM");
});

function startCli(base: number): Promise<{ out: string; code: number | null }> {
  return new Promise((resolve) => {
    child = spawn(tsx, [main, "--port", String(base)], {
      env: { ...process.env, SANDBOX_APP_URL: "http://localhost:3999" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("sandbox ready")) resolve({ out, code: null });
    });
    child.on("exit", (code) => resolve({ out, code }));
  });
}

describe("npm run sandbox CLI", () => {
  it("listens on base+0..4, prints URLs and credentials, then 'sandbox ready'", async () => {
    let result: { out: string; code: number | null } | undefined;
    let base = 0;
    for (let attempt = 0; attempt < 5; attempt++) {
      base = 20000 + Math.floor(Math.random() * 20000);
      result = await startCli(base);
      if (result.code === null) break; // exited early = port busy; retry elsewhere
    }
    const out = result!.out;
    expect(out).toContain(`control       http://127.0.0.1:${base}\n`);
    expect(out).toContain(`ecwid-my      http://127.0.0.1:${base + 1}\n`);
    expect(out).toContain(`ecwid-api     http://127.0.0.1:${base + 2}\n`);
    expect(out).toContain(`elasticpath   http://127.0.0.1:${base + 3}\n`);
    expect(out).toContain(`oauth2        http://127.0.0.1:${base + 4}\n`);
    expect(out).toMatch(/ep key\s+store=ep-demo-store client_id=[0-9a-f]{40} client_secret=[0-9a-f]{40}/);
    expect(out.trimEnd().split("\n").at(-1)).toBe("sandbox ready");
    const state = (await (await fetch(`http://127.0.0.1:${base}/__sandbox/state`)).json()) as { appUrl: string };
    expect(state.appUrl).toBe("http://localhost:3999");
  }, 20_000);
});
