import { describe, expect, it } from "vitest";
import { splitLinks } from "./linkify";

const hrefs = (text: string) => splitLinks(text).flatMap((part) => (part.href ? [part.href] : []));

describe("addresses in mail text", () => {
  it("leave a full stop, comma or closing bracket after an address out of the link", () => {
    expect(hrefs("Turn them off at http://localhost:3000/notifications/settings.")).toEqual([
      "http://localhost:3000/notifications/settings",
    ]);
    expect(hrefs("See https://t.example/a, then (https://t.example/b).")).toEqual([
      "https://t.example/a",
      "https://t.example/b",
    ]);
  });

  it("keep punctuation inside an address, and an address on a line of its own whole", () => {
    expect(hrefs("Open:\nhttps://t.example/invitations/abc.def?x=1\nThanks")).toEqual([
      "https://t.example/invitations/abc.def?x=1",
    ]);
  });

  it("give back the whole text, addresses and all, in order", () => {
    const text = "Job failed.\n\nhttp://localhost:3000/orgs/o/jobs/w\n\nBye.";
    const parts = splitLinks(text);
    expect(parts.map((part) => part.text).join("")).toBe(text);
    expect(parts.filter((part) => part.href)).toHaveLength(1);
  });
});
