import { afterEach, describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import { db } from "./client";
import { listen, type Listener } from "./listen";

const channel = `tessera_test_${process.pid}`;
let listener: Listener | undefined;

afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("listen", () => {
  it("hears every notification on its channel, and listens again after its connection is cut", async () => {
    let heard = 0;
    let listening = 0;
    const errors: string[] = [];
    listener = listen(serverEnv().DATABASE_URL, channel, {
      onNotify: () => (heard += 1),
      onListening: () => (listening += 1),
      onError: (error) => errors.push(error.message),
      retryMs: 50,
    });
    await until(() => listening === 1, "the first LISTEN");
    await db.$executeRawUnsafe(`NOTIFY ${channel}`);
    await db.$executeRawUnsafe(`NOTIFY other_${channel}`);
    await until(() => heard === 1, "the notification");

    // The server ends the listening connection: the listener says so and listens again.
    await db.$queryRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN ${channel}'`,
    );
    await until(() => listening === 2, "the second LISTEN");
    expect(errors.length).toBeGreaterThan(0);
    await db.$executeRawUnsafe(`NOTIFY ${channel}`);
    await until(() => heard === 2, "a notification after the reconnect");
    expect(heard).toBe(2);
  });

  it("lets one of several listeners lead, and another take over when the leader goes", async () => {
    const key = 900_000_000 + (process.pid % 1_000_000);
    const listeners = [0, 1].map(() =>
      listen(serverEnv().DATABASE_URL, channel, {
        onNotify: () => undefined,
        leadership: key,
        retryMs: 50,
      }),
    );
    try {
      await until(() => listeners.some((l) => l.leading()), "a leader");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(listeners.filter((l) => l.leading())).toHaveLength(1);
      const leader = listeners.find((l) => l.leading())!;
      const other = listeners.find((l) => l !== leader)!;
      await leader.close();
      expect(leader.leading()).toBe(false);
      await until(() => other.leading(), "the other to take over");
    } finally {
      await Promise.all(listeners.map((l) => l.close()));
    }
  });

  it("refuses a channel name that is not a plain identifier", () => {
    expect(() =>
      listen(serverEnv().DATABASE_URL, "x; DROP TABLE y", { onNotify: () => undefined }),
    ).toThrow(/Bad channel name/);
  });
});
