import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createTestOrganization, createTestUser } from "@tessera/db/test-helpers";
import type { Actor } from "../actor";
import { auditExportJsonLine, exportAuditEvents } from "./export-audit-events";
import { recordAuditEvent } from "./record-audit-event";

const run = promisify(execFile);
const verifier = path.resolve(import.meta.dirname, "../../scripts/verify-audit-export.mjs");

/** `node verify-audit-export.mjs file`, as a regulator runs it: exit code and what it printed. */
async function verifyOffline(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [verifier, file]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("the audit export", () => {
  it("verifies offline, and names the line when one event is tampered with or removed", async () => {
    const user = await createTestUser();
    const organization = await createTestOrganization(user.id);
    const actor: Actor = { userId: user.id, email: user.email, ip: "192.0.2.9", userAgent: "x" };
    const marker = `export-${organization.id}`;
    for (const step of [1, 2, 3]) {
      await db.$transaction((tx) =>
        recordAuditEvent(tx, actor, {
          action: "organization.updated",
          organizationId: organization.id,
          targetType: "Organization",
          targetId: organization.id,
          data: {
            marker,
            step,
            at: new Date("2026-12-05T10:00:00Z"),
            name: "Zoë ☃ 👩🏽‍🔬 one\u2028two\u2029three",
          },
        }),
      );
    }

    const lines: string[] = [];
    let named = 0;
    for await (const page of exportAuditEvents(db)) {
      for (const row of page) {
        lines.push(auditExportJsonLine(row.record));
        if (row.record.data && JSON.stringify(row.record.data).includes(marker)) {
          expect(row.organizationName).toBe(organization.name);
          expect(row.targetName).toBe(organization.name);
          named += 1;
        }
      }
    }
    expect(named).toBe(3);
    const first = JSON.parse(lines[0]!) as { prevHash: string };
    expect(first.prevHash).toBe("0".repeat(64));

    const folder = await mkdtemp(path.join(tmpdir(), "tessera-audit-export-"));
    const file = path.join(folder, "audit.jsonl");
    await writeFile(file, `${lines.join("\n")}\n`);
    const intact = await verifyOffline(file);
    expect(intact.output).toContain(`OK: ${lines.length} events, chain intact`);
    expect(intact.code).toBe(0);
    expect(lines.join("\n")).not.toMatch(/[\u2028\u2029]/);

    // A tool that writes U+2028 and U+2029 back unescaped changes no event: still one per line.
    const raw = lines.map((line) =>
      line.replaceAll("\\u2028", "\u2028").replaceAll("\\u2029", "\u2029"),
    );
    expect(raw.join("\n")).toMatch(/\u2028/);
    await writeFile(file, `${raw.join("\n")}\n`);
    expect((await verifyOffline(file)).code).toBe(0);
    await writeFile(file, `${lines.join("\n")}\n`);

    // Quietly change who did one of our events: its own hash no longer matches its content.
    const index = lines.findIndex((line) => line.includes(marker) && line.includes('"step":2'));
    const tampered = [...lines];
    tampered[index] = tampered[index]!.replace(user.email!, "someone.else@tessera.test");
    expect(tampered[index]).not.toBe(lines[index]);
    await writeFile(file, `${tampered.join("\n")}\n`);
    const edited = await verifyOffline(file);
    expect(edited.code).toBe(1);
    expect(edited.output).toContain(`BROKEN: line ${index + 1}`);
    expect(edited.output).toContain("its content does not match its hash");

    // Remove that event instead: the next one no longer links to the one before it.
    await writeFile(file, `${lines.filter((_, i) => i !== index).join("\n")}\n`);
    const removed = await verifyOffline(file);
    expect(removed.code).toBe(1);
    expect(removed.output).toContain(`BROKEN: line ${index + 1}`);
    expect(removed.output).toContain("does not link to the event before it");

    expect(await readFile(file, "utf8")).not.toContain('"step":2');
  });
});
