import { describe, expect, it } from "vitest";
import { auditHash, GENESIS_HASH } from "./hash";
import { verifyLinks, type AuditLink } from "./verify-audit-chain";

function chain(length: number): AuditLink[] {
  const events: AuditLink[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= length; i += 1) {
    const fields = {
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      actorId: `user_${i}`,
      actorEmail: `user${i}@tessera.test`,
      organizationId: i % 2 ? "org_a" : "org_b",
      action: "project.created",
      targetType: "Project",
      targetId: `project_${i}`,
      ip: null,
      userAgent: null,
      data: { name: `Project ${i}` },
      prevHash,
    };
    const hash = auditHash(fields);
    events.push({ ...fields, id: BigInt(i), hash });
    prevHash = hash;
  }
  return events;
}

describe("verifyLinks", () => {
  it("accepts an intact chain", () => {
    expect(verifyLinks(chain(5))).toEqual({ ok: true, checked: 5 });
  });

  it("names the event whose content was changed", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, data: { name: "Quietly renamed" } };
    expect(verifyLinks(events)).toEqual({ ok: false, checked: 2, brokenAt: 3n, reason: "content" });
  });

  it("catches a rewritten event whose hash was recomputed: the next one no longer links to it", () => {
    const events = chain(5);
    const forged = { ...events[2]!, actorEmail: "someone-else@tessera.test" };
    events[2] = { ...forged, hash: auditHash(forged) };
    expect(verifyLinks(events)).toEqual({ ok: false, checked: 3, brokenAt: 4n, reason: "link" });
  });

  it("catches a deleted event", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyLinks(events)).toMatchObject({ ok: false, brokenAt: 3n, reason: "link" });
  });

  it("checks the first event against the hash it must continue from", () => {
    const events = chain(3).slice(1);
    expect(verifyLinks(events)).toMatchObject({ ok: false, brokenAt: 2n, reason: "link" });
    expect(verifyLinks(events, chain(3)[0]!.hash)).toEqual({ ok: true, checked: 2 });
  });
});
