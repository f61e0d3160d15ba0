import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./db-errors";

const nested = (inner: object) =>
  Object.assign(new Error("query failed"), { cause: Object.assign(new Error("driver"), { cause: inner }) });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["Prisma: can't reach the server", Object.assign(new Error("x"), { code: "P1001" })],
    ["Prisma: pool timeout", Object.assign(new Error("x"), { code: "P2024" })],
    ["driver adapter: connection closed", nested({ kind: "ConnectionClosed" })],
    ["driver adapter: not reachable", nested({ kind: "DatabaseNotReachable" })],
    [
      "node: connection refused",
      nested(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    ],
    [
      "PostgreSQL: admin shutdown (restart)",
      nested({ kind: "postgres", originalCode: "57P01", message: "terminating connection due to administrator command" }),
    ],
    ["PostgreSQL: starting up", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["pg: connection terminated", new Error("Connection terminated unexpectedly")],
  ])("recognises %s", (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["a string", "boom"],
    ["nothing", undefined],
  ])("does not mistake %s for an outage", (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));

  it("survives a cause cycle", () => {
    const a: { cause?: unknown; message: string } = { message: "a" };
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
