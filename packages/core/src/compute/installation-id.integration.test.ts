import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import { createDatabase } from "@tessera/db";
import { deploy } from "../../../db/scripts/migrate";
import { installationId } from "./installation-id";

describe("installationId", () => {
  it("makes one id on first use, however many processes ask at once, and keeps it", async () => {
    const url = new URL(serverEnv().DATABASE_URL);
    url.pathname = `/tessera_installation_${randomBytes(6).toString("hex")}`;
    const admin = createDatabase(new URL("/postgres", url).toString(), 1);
    // Several clients, as several worker processes would be, each with its own connections.
    const clients = Array.from({ length: 4 }, () => createDatabase(url.toString(), 2));
    try {
      await deploy(url.toString());
      expect(await clients[0]!.installation.count()).toBe(0);
      const ids = await Promise.all(
        clients.flatMap((client) => [installationId(client), installationId(client)]),
      );
      expect(new Set(ids).size).toBe(1);
      expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(await clients[0]!.installation.count()).toBe(1);
      expect(await installationId(clients[3]!)).toBe(ids[0]);
      // The table holds one row only.
      await expect(
        clients[0]!.$executeRaw`INSERT INTO "Installation" ("singleton") VALUES (false)`,
      ).rejects.toThrow(/Installation_singleton_check/);
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
      await admin.$executeRawUnsafe(
        `DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`,
      );
      await admin.$disconnect();
    }
  });
});
