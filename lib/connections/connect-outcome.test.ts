import { describe, expect, it } from "vitest";
import { CONNECT_FAILURES, connectFailureText, isConnectFailure } from "./connect-outcome";

describe("connect failure codes", () => {
  it("maps a known code to Storelink's text", () => {
    expect(connectFailureText("declined")).toBe(CONNECT_FAILURES.declined);
  });

  it("never echoes free text, unknown codes, prototype keys or arrays", () => {
    for (const input of ["Call +1 555 0100", "constructor", "__proto__", "toString", "", undefined, ["declined"], 42]) {
      expect(isConnectFailure(input)).toBe(false);
      expect(connectFailureText(input)).toBe(CONNECT_FAILURES.failed);
    }
  });
});
