// Per-platform request helpers shared by the rows: where a call goes, how a token is minted, and each platform's
// error body (Ecwid `{errorMessage, errorCode}`, Elastic Path JSON:API `{errors: [...]}`).
import { z } from "zod";
import { call, conform, expectStatus, type Answer } from "./check";
import { expect, type EcwidTarget, type ElasticPathTarget } from "./fixtures";

export const NO_ECWID = "no Ecwid target: set CONTRACT_ECWID_STORE_ID and CONTRACT_ECWID_SECRET_TOKEN";
export const NO_EP = "no Elastic Path target: set CONTRACT_EP_BASE_URL, CONTRACT_EP_CLIENT_ID and CONTRACT_EP_CLIENT_SECRET";

export const ecwidApi = (e: EcwidTarget, path: string) => `${e.apiUrl}/api/v3/${e.storeId}${path}`;

/** Ecwid's REST error body: `{errorMessage, errorCode}` (EDOC rest-api-error-codes). */
const EcwidError = z.object({ errorMessage: z.string().min(1), errorCode: z.string().min(1) });
export function expectEcwidError(a: Answer, status: number, code: string, what: string): void {
  expectStatus(a, status, what);
  const body = conform(EcwidError, a.json, what);
  expect(body.errorCode, `${what}: errorCode`).toBe(code);
}

export async function epToken(ep: ElasticPathTarget, grant: "client_credentials" | "implicit"): Promise<Answer> {
  const form: Record<string, string> = { grant_type: grant, client_id: ep.clientId };
  if (grant === "client_credentials") form.client_secret = ep.clientSecret;
  return call(`${ep.baseUrl}/oauth/access_token`, { form });
}
export async function epBearer(ep: ElasticPathTarget, grant: "client_credentials" | "implicit"): Promise<string> {
  const a = await epToken(ep, grant);
  expectStatus(a, 200, `POST /oauth/access_token (${grant})`);
  return String(a.json.access_token);
}

/** The JSON:API error body (EPDEV guides/Getting-Started/errors.md; status is an integer there, a string in the app-keys spec). */
export const EpErrors = z.object({
  errors: z
    .array(
      z.object({
        status: z.union([z.string().regex(/^\d{3}$/), z.number().int()]),
        title: z.string().min(1),
        detail: z.string().optional(),
      }),
    )
    .min(1),
});
export const expectEpError = (a: Answer, status: number, what: string) => {
  expectStatus(a, status, what);
  const body = conform(EpErrors, a.json, what);
  expect(Number(body.errors[0]!.status), `${what}: errors[0].status`).toBe(status);
  return body;
};
