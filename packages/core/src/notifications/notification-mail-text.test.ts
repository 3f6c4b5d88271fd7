import { describe, expect, it } from "vitest";
import { notificationMailText } from "./notification-mail-text";

describe("a notification's mail text", () => {
  const text = notificationMailText({
    body: "Your job train-7b failed.",
    link: "/orgs/o1/jobs/w1",
    appUrl: "http://localhost:3000",
  });
  const lines = text.split("\n");

  it("puts each address on a line of its own, with nothing after it", () => {
    expect(lines).toContain("http://localhost:3000/orgs/o1/jobs/w1");
    expect(lines.at(-1)).toBe("http://localhost:3000/notifications/settings");
    for (const address of text.match(/https?:\/\/\S+/g) ?? [])
      expect(address).not.toMatch(/[.,;:!?)]$/);
  });

  it("says what the settings address is for on the line before it", () => {
    expect(lines.at(-2)).toBe("To turn off these emails, change your notification settings:");
  });

  it("does not double the slash when the portal's address ends with one", () => {
    const withSlash = notificationMailText({ body: "b", link: "/x", appUrl: "https://t.example/" });
    expect(withSlash).toContain("https://t.example/x\n");
    expect(withSlash).not.toContain("//x");
  });
});
