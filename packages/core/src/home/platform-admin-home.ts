import type { Database, OrganizationKind } from "@tessera/db";
import { verifyAuditChain, type ChainVerdict } from "../audit/verify-audit-chain";

const QUEUE_SHOWN = 5;
/** The whole chain is walked at most this often per process; the page polls more often. */
const CHAIN_CHECK_EVERY_MS = 60_000;

export interface PlatformAdminHome {
  verificationQueue: {
    total: number;
    oldest: {
      id: string;
      name: string;
      kind: OrganizationKind;
      country: string;
      createdAt: Date;
    }[];
  };
  auditChain: ChainVerdict & { checkedAt: Date; events: number; lastEventAt: Date | null };
}

let lastCheck: { at: Date; verdict: ChainVerdict } | undefined;

async function chainVerdict(
  database: Database,
  now: Date,
): Promise<{ at: Date; verdict: ChainVerdict }> {
  if (
    !lastCheck ||
    now.getTime() - lastCheck.at.getTime() >= CHAIN_CHECK_EVERY_MS ||
    !lastCheck.verdict.ok
  ) {
    lastCheck = { at: now, verdict: await verifyAuditChain(database) };
  }
  return lastCheck;
}

/** A platform administrator's home: organisations waiting for verification, and the audit chain. */
export async function getPlatformAdminHome(
  database: Database,
  now: Date = new Date(),
): Promise<PlatformAdminHome> {
  const [total, oldest, check, latest] = await Promise.all([
    database.organization.count({ where: { status: "PENDING" } }),
    database.organization.findMany({
      where: { status: "PENDING" },
      select: { id: true, name: true, kind: true, country: true, createdAt: true },
      orderBy: { createdAt: "asc" },
      take: QUEUE_SHOWN,
    }),
    chainVerdict(database, now),
    database.auditEvent.aggregate({ _count: { _all: true }, _max: { occurredAt: true } }),
  ]);
  return {
    verificationQueue: { total, oldest },
    auditChain: {
      ...check.verdict,
      checkedAt: check.at,
      events: latest._count._all,
      lastEventAt: latest._max.occurredAt ?? null,
    },
  };
}
