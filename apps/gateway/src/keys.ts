import { hash, timingSafeEqual } from "node:crypto";
import type { Pool } from "pg";
import { ApiError } from "@tessera/openai";

/** `tsk_<id>_<secret>`: a 16-character base32 public id and 43 characters of base64url. */
const KEY_PATTERN = /^tsk_([a-z2-7]{16})_([A-Za-z0-9_-]{43})$/;

/** An unknown id is remembered this long, so a flood of made-up keys costs no queries. */
const UNKNOWN_TTL_MS = 2_000;
/** A known key is re-read at least this often, whatever the broadcasts said. */
const KNOWN_TTL_MS = 60_000;

export type Classification = "PUBLIC" | "INTERNAL" | "CONFIDENTIAL" | "RESTRICTED";

/** What the gateway knows of a key: never the secret, only its hash. */
export interface GatewayKey {
  id: string;
  organizationId: string;
  projectId: string;
  secretSha256: Buffer;
  previousSecretSha256: Buffer | null;
  previousSecretExpiresAt: number | null;
  /** null = any model / endpoint of the organisation. */
  allowedModels: ReadonlySet<string> | null;
  allowedEndpointIds: ReadonlySet<string> | null;
  requestsPerMinute: number;
  tokensPerMinute: number;
  allowFallback: boolean;
  expiresAt: number;
  revokedAt: number | null;
  /** The project's residency (ISO country or "EU"; null = anywhere) and classification. */
  residency: string | null;
  classification: Classification;
  organizationCountry: string;
  organizationVerified: boolean;
}

interface KeyRow {
  id: string;
  organizationId: string;
  projectId: string;
  secretSha256: string;
  previousSecretSha256: string | null;
  previousSecretExpiresAt: number | null;
  allowedModels: string[];
  allowedEndpointIds: string[];
  requestsPerMinute: number;
  tokensPerMinute: number;
  allowFallback: boolean;
  expiresAt: number;
  revokedAt: number | null;
  residency: string | null;
  classification: Classification;
  country: string;
  status: string;
}

const epochMs = (column: string): string =>
  `(extract(epoch from ${column}) * 1000)::float8 AS "${column.split(".")[1]!.replaceAll('"', "")}"`;

const KEY_QUERY = `
  SELECT k.id, k."organizationId", k."projectId", k."secretSha256", k."previousSecretSha256",
         ${epochMs('k."previousSecretExpiresAt"')}, k."allowedModels", k."allowedEndpointIds",
         k."requestsPerMinute", k."tokensPerMinute", k."allowFallback",
         ${epochMs('k."expiresAt"')}, ${epochMs('k."revokedAt"')},
         p.residency, p.classification::text AS classification, o.country, o.status::text AS status
    FROM "ApiKey" k
    JOIN "Project" p ON p.id = k."projectId"
    JOIN "Organization" o ON o.id = k."organizationId"
   WHERE k.id = $1`;

function toKey(row: KeyRow): GatewayKey {
  return {
    id: row.id,
    organizationId: row.organizationId,
    projectId: row.projectId,
    secretSha256: Buffer.from(row.secretSha256, "hex"),
    previousSecretSha256: row.previousSecretSha256
      ? Buffer.from(row.previousSecretSha256, "hex")
      : null,
    previousSecretExpiresAt: row.previousSecretExpiresAt,
    allowedModels: row.allowedModels.length > 0 ? new Set(row.allowedModels) : null,
    allowedEndpointIds: row.allowedEndpointIds.length > 0 ? new Set(row.allowedEndpointIds) : null,
    requestsPerMinute: row.requestsPerMinute,
    tokensPerMinute: row.tokensPerMinute,
    allowFallback: row.allowFallback,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    residency: row.residency,
    classification: row.classification,
    organizationCountry: row.country,
    organizationVerified: row.status === "VERIFIED",
  };
}

interface CacheEntry {
  key: GatewayKey | null;
  loadedAt: number;
}

const INVALID = (): ApiError =>
  new ApiError(
    401,
    "invalid_api_key",
    "Incorrect API key provided. Keys look like tsk_<id>_<secret>; create one on the organisation's API keys page.",
  );

/**
 * Keys by public id, cached in the process. A change reaches every gateway process two ways: the
 * portal publishes the key's id on Redis after its transaction commits (`invalidate`), and
 * `poll` re-reads every key whose `updatedAt` moved, for a broadcast that was missed. Concurrent
 * look-ups of one id share one query.
 */
export class KeyStore {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly loading = new Map<string, Promise<GatewayKey | null>>();
  private polledUntil: number | null = null;

  constructor(private readonly db: Pool) {}

  /** The key an `Authorization: Bearer …` header names, or a 401 that says why not. */
  async authenticate(header: string | undefined, now: number): Promise<GatewayKey> {
    if (header === undefined || header.length === 0) {
      throw new ApiError(
        401,
        "missing_api_key",
        "No API key provided. Send it as 'Authorization: Bearer tsk_…'.",
      );
    }
    const match = header.startsWith("Bearer ") ? KEY_PATTERN.exec(header.slice(7).trim()) : null;
    if (!match) throw INVALID();
    const key = await this.find(match[1]!, now);
    if (!key) throw INVALID();
    const digest = hash("sha256", match[2]!, "buffer");
    const current = timingSafeEqual(digest, key.secretSha256);
    const previous =
      !current &&
      key.previousSecretSha256 !== null &&
      key.previousSecretExpiresAt !== null &&
      now < key.previousSecretExpiresAt &&
      timingSafeEqual(digest, key.previousSecretSha256);
    if (!current && !previous) throw INVALID();
    if (key.revokedAt !== null && key.revokedAt <= now) {
      throw new ApiError(401, "revoked_api_key", "This API key has been revoked.");
    }
    if (now >= key.expiresAt) {
      throw new ApiError(
        401,
        "expired_api_key",
        `This API key expired on ${new Date(key.expiresAt).toISOString()}; create a new one.`,
      );
    }
    if (!key.organizationVerified) {
      throw new ApiError(
        403,
        "organization_not_active",
        "The organisation this key belongs to is not verified or is suspended; its keys cannot call models.",
      );
    }
    return key;
  }

  private find(id: string, now: number): Promise<GatewayKey | null> | GatewayKey | null {
    const cached = this.cache.get(id);
    if (cached && now - cached.loadedAt < (cached.key ? KNOWN_TTL_MS : UNKNOWN_TTL_MS)) {
      return cached.key;
    }
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.load(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  private async load(id: string): Promise<GatewayKey | null> {
    const { rows } = await this.db.query<KeyRow>({
      name: "gateway-key",
      text: KEY_QUERY,
      values: [id],
    });
    const key = rows[0] ? toKey(rows[0]) : null;
    this.cache.set(id, { key, loadedAt: Date.now() });
    return key;
  }

  /**
   * Forgets the unknown ids whose time is up (and known keys past KNOWN_TTL_MS), so a flood of
   * made-up ids cannot grow the cache without bound; run with every refresh.
   */
  sweep(now: number): void {
    for (const [id, entry] of this.cache) {
      if (now - entry.loadedAt >= (entry.key ? KNOWN_TTL_MS : UNKNOWN_TTL_MS))
        this.cache.delete(id);
    }
  }

  /** How many ids the cache holds (for tests). */
  get size(): number {
    return this.cache.size;
  }

  /** Forgets one key: the next request reads it again. */
  invalidate(id: string): void {
    this.cache.delete(id);
  }

  /**
   * Forgets every key changed since the last poll, with five seconds of overlap (`updatedAt` is
   * stamped before the writer commits). The first poll only takes the database's clock; a key is
   * never trusted for longer than KNOWN_TTL_MS anyway.
   */
  async poll(): Promise<void> {
    const { rows } = await this.db.query<{ id: string | null; now: number }>({
      name: "gateway-key-changes",
      text: `SELECT k.id, (extract(epoch from now()) * 1000)::float8 AS now
               FROM (SELECT 1) AS clock
               LEFT JOIN "ApiKey" k ON $1::float8 IS NOT NULL
                AND k."updatedAt" > (to_timestamp($1::float8 / 1000.0) AT TIME ZONE 'UTC')`,
      values: [this.polledUntil],
    });
    for (const row of rows) if (row.id !== null) this.cache.delete(row.id);
    this.polledUntil = rows[0]!.now - 5_000;
  }
}
