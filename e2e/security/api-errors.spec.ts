import { request as httpRequest } from "node:http";
import { expect, test } from "../support/api-fixtures";
import { PROBLEM_TYPE } from "../support/api-platform";
import { storageStatePath } from "../support/test-env";

// F9: under /api/v1 every error is RFC 9457 problem+json with the API's security headers: a malformed
// percent-escape is a 400 (it used to crash Next's router into a bare 500), another method a 405 with Allow,
// an unknown path a 404. Pages with a malformed escape get Storelink's not-found page.

function rawRequest(
  base: string,
  path: string,
  method = "GET",
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const expectApiProblem = (
  r: { status: number; headers: Record<string, string | string[] | undefined>; body: string },
  status: number,
  code: string,
) => {
  expect(r.status, r.body).toBe(status);
  expect(r.headers["content-type"]).toContain("application/problem+json");
  expect(r.headers["x-content-type-options"]).toBe("nosniff");
  expect(r.headers["content-security-policy"]).toContain("default-src 'none'");
  expect(JSON.parse(r.body)).toMatchObject({ status, code, type: PROBLEM_TYPE(code) });
};

test.describe("unified API errors @security", () => {
  test("malformed percent-escapes in any path segment are 400 problems", async ({ apiBaseURL }) => {
    for (const path of ["/api/v1/products/%zz", "/api/v1/raw/%zz", "/api/v1/orders/%E0%A4%A", "/api/v1/customers/%"]) {
      expectApiProblem(await rawRequest(apiBaseURL, path), 400, "invalid_request");
    }
  });

  test("another method is a 405 with Allow; an unknown path is a 404", async ({ apiBaseURL }) => {
    const put = await rawRequest(apiBaseURL, "/api/v1/store", "PUT");
    expectApiProblem(put, 405, "method_not_allowed");
    expect(put.headers["allow"]).toBe("GET");
    expect((await rawRequest(apiBaseURL, "/api/v1/products/x/stock", "GET")).headers["allow"]).toBe("POST");
    for (const path of ["/api/v1/nope", "/api/v1", "/api/v1/products/x/y/z"])
      expectApiProblem(await rawRequest(apiBaseURL, path), 404, "not_found");
  });
});

test.describe("pages @security", () => {
  test.use({ storageState: storageStatePath("admin") });
  test("a malformed escape in a page path shows the not-found page, not a 500", async ({ page }) => {
    test.skip(test.info().project.name === "api-standalone", "pages are served by Next, not by the standalone API");
    const response = await page.goto("/stores/%zz");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  });
});
