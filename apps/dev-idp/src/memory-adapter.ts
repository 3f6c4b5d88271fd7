import type { Adapter, AdapterPayload } from "oidc-provider";

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * In-memory storage for the development provider. Losing everything on restart is intended:
 * the dev IdP holds no state worth keeping (sessions, codes and grants live minutes).
 */
const store = new Map<string, Entry>();

function live(key: string): AdapterPayload | undefined {
  const entry = store.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt <= Date.now()) {
    store.delete(key);
    return undefined;
  }
  return entry.payload;
}

export class MemoryAdapter implements Adapter {
  constructor(private readonly model: string) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
    store.set(this.key(id), { payload, expiresAt });
    return Promise.resolve();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return Promise.resolve(live(this.key(id)));
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    for (const key of store.keys()) {
      if (!key.startsWith(`${this.model}:`)) continue;
      const payload = live(key);
      if (payload?.uid === uid) return Promise.resolve(payload);
    }
    return Promise.resolve(undefined);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    for (const key of store.keys()) {
      if (!key.startsWith(`${this.model}:`)) continue;
      const payload = live(key);
      if (payload?.userCode === userCode) return Promise.resolve(payload);
    }
    return Promise.resolve(undefined);
  }

  consume(id: string): Promise<void> {
    const payload = live(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    return Promise.resolve();
  }

  destroy(id: string): Promise<void> {
    store.delete(this.key(id));
    return Promise.resolve();
  }

  revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, entry] of store) {
      if (entry.payload.grantId === grantId) store.delete(key);
    }
    return Promise.resolve();
  }
}
