// The secret-leak scanner: records every response a browser receives and looks for any byte of any secret,
// raw or base64/base64url/URL-encoded. Secrets come from the sandboxes (everything they issued) and from the
// harness (vault keys, AUTH_SECRET, app client secrets).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page, Response } from "@playwright/test";

export type Finding = { where: string; secret: string; encoding: string };

/** The forms a secret might take on the wire. */
export function encodings(secret: string): [string, string][] {
  const raw = Buffer.from(secret, "utf8");
  return [
    ["raw", secret],
    ["base64", raw.toString("base64").replace(/=+$/, "")],
    ["base64url", raw.toString("base64url")],
    ["url", encodeURIComponent(secret)],
    ["json", JSON.stringify(secret).slice(1, -1)],
  ];
}

export function scanText(where: string, text: string, secrets: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const secret of secrets) {
    if (secret.length < 8) continue; // too short to be a meaningful needle
    for (const [encoding, needle] of encodings(secret)) {
      if (text.includes(needle)) findings.push({ where, secret: `${secret.slice(0, 6)}…(${secret.length})`, encoding });
    }
  }
  return findings;
}

/** Records the body of every response the page receives (documents, RSC payloads, chunks, JSON, streams). */
export function recordResponses(page: Page): { bodies: () => Promise<{ url: string; text: string }[]> } {
  const pending: Promise<{ url: string; text: string } | null>[] = [];
  const capture = (response: Response) => {
    pending.push(
      response
        .body()
        .then((b) => ({ url: `${response.request().method()} ${response.url()}`, text: b.toString("latin1") }))
        .catch(() => null), // redirects and aborted requests have no body
    );
  };
  page.on("response", capture);
  return { bodies: async () => (await Promise.all(pending)).filter((b): b is { url: string; text: string } => b !== null) };
}

/** Every file under a directory (the built client bundle). */
export function scanDirectory(dir: string, secrets: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else findings.push(...scanText(full, readFileSync(full).toString("latin1"), secrets));
    }
  };
  walk(dir);
  return findings;
}
