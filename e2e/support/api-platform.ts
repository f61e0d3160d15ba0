// Shared helpers for the per-platform unified-API specs: bearer headers, problem+json assertions and a
// byte-exact raw request (fetch clients normalise dot segments and backslashes away).
import { request as httpRequest } from "node:http";
import { expect, type APIResponse } from "@playwright/test";
import { apiBaseUrl } from "./api-fixtures";

export const PROBLEM_TYPE = (code: string) => `https://storelink.dev/problems/${code.replaceAll("_", "-")}`;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  reauthorizeUrl?: string;
  errors?: { path: string }[];
};

/** Asserts an RFC 9457 problem with its stable type URI and returns the body. */
export async function expectProblem(response: APIResponse, status: number, code: string): Promise<ProblemBody> {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const body = JSON.parse(text) as ProblemBody;
  expect(body).toMatchObject({ status, code, type: PROBLEM_TYPE(code) });
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  return body;
}

/** Sends a path byte-for-byte to the app. */
export function rawGet(path: string, token: string): Promise<{ status: number; body: string }> {
  const url = new URL(apiBaseUrl());
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: "GET", headers: bearer(token) }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Paths that try to leave the platform API: each must be refused (4xx) or redirected (3xx), never proxied. */
export const ESCAPING_RAW_PATHS = [
  "/api/v1/raw/%2e%2e/%2e%2e/oauth/token",
  "/api/v1/raw/products/%2E%2E%2F%2E%2E%2Fprofile",
  "/api/v1/raw/products/..%2f..%2fprofile",
  "/api/v1/raw/products\\..\\..\\profile",
  "/api/v1/raw//evil.example/x",
  "/api/v1/raw/http://evil.example/",
  "/api/v1/raw/https:%2F%2Fevil.example",
  "/api/v1/raw/https://127.0.0.1:1/",
  "/api/v1/raw/@evil.example/x",
  "/api/v1/raw/products/%252e%252e/profile",
  "/api/v1/raw/products/%00",
];

export async function expectRawRefused(token: string) {
  for (const path of ESCAPING_RAW_PATHS) {
    const { status, body } = await rawGet(path, token);
    expect(status, `${path} → ${body.slice(0, 200)}`).toBeGreaterThanOrEqual(300);
    expect(status, `${path} → ${body.slice(0, 200)}`).toBeLessThan(500);
    // Refusals by Storelink itself (not by Next's router) are path_not_allowed problems.
    if (status === 400 && body.startsWith("{")) expect(JSON.parse(body).type, path).toBe(PROBLEM_TYPE("path_not_allowed"));
  }
}
