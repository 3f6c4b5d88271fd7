import { describe, expect, it } from "vitest";
import { sessionTokenFromCookieHeader } from "./session";

describe("sessionTokenFromCookieHeader", () => {
  it("reads the session token, percent-decoded, from either cookie name", () => {
    expect(sessionTokenFromCookieHeader("theme=dark; authjs.session-token=abc%2Ddef")).toBe(
      "abc-def",
    );
    expect(sessionTokenFromCookieHeader("__Secure-authjs.session-token=tok")).toBe("tok");
    expect(sessionTokenFromCookieHeader("other=1")).toBeUndefined();
    expect(sessionTokenFromCookieHeader(null)).toBeUndefined();
  });

  it("treats a token that is not valid percent-encoding as no session (signed out)", () => {
    for (const token of ["%", "%E0%A4%A", "abc%zz", "%C0%AF", "%ED%A0%80"]) {
      expect(() => sessionTokenFromCookieHeader(`authjs.session-token=${token}`)).not.toThrow();
      expect(sessionTokenFromCookieHeader(`authjs.session-token=${token}`)).toBeUndefined();
    }
  });
});
