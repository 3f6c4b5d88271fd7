import type { Database, Prisma } from "@tessera/db";
import { AppError } from "../errors";
import { pageSize, toPage, type Page, type PageInput } from "../pagination";
import { normalizeEmail } from "../tenancy/normalize";
import {
  AUDIT_CURSOR_PATTERN,
  auditCursorWhere,
  toAuditEventView,
  type AuditEventView,
} from "./audit-event-view";
import { describeAuditTargets } from "./describe-audit-targets";

export interface ListAllAuditEventsInput extends PageInput {
  organizationId?: string | null;
  /** Part of an organisation's name, any case: events of every organisation whose name has it. */
  organization?: string | null;
  actorEmail?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** The platform-wide audit trail for administrators, newest first, with filters. */
export async function listAllAuditEvents(
  database: Database,
  input: ListAllAuditEventsInput,
): Promise<Page<AuditEventView>> {
  if (input.cursor && !AUDIT_CURSOR_PATTERN.test(input.cursor)) {
    throw new AppError(
      "INVALID",
      "That page link is no longer valid. Start again from the first page.",
    );
  }
  if (input.from && input.to && input.from > input.to) {
    throw new AppError("INVALID", "The start of the period must be before its end.", {
      field: "to",
    });
  }
  const size = pageSize(input.limit);
  const named = input.organization?.trim()
    ? await database.organization.findMany({
        where: { name: { contains: input.organization.trim(), mode: "insensitive" } },
        select: { id: true },
        take: 200,
      })
    : null;
  const where: Prisma.AuditEventWhereInput = {
    ...auditCursorWhere(input.cursor),
    AND: [
      ...(input.organizationId ? [await concerning(database, [input.organizationId])] : []),
      ...(named
        ? [
            await concerning(
              database,
              named.map((org) => org.id),
            ),
          ]
        : []),
    ],
    ...(input.actorEmail
      ? { actorEmail: { equals: normalizeEmail(input.actorEmail), mode: "insensitive" as const } }
      : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.from || input.to
      ? {
          occurredAt: {
            ...(input.from ? { gte: input.from } : {}),
            ...(input.to ? { lte: input.to } : {}),
          },
        }
      : {}),
  };
  const rows = await database.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: size + 1,
  });
  const page = toPage(rows, size, (row) => row.id.toString());
  const targets = await describeAuditTargets(database, page.items);
  // Events recorded platform-wide (a reviewer's score) name their organisation by their target.
  const organizationIds = [
    ...new Set([
      ...page.items.flatMap((row) => (row.organizationId ? [row.organizationId] : [])),
      ...[...targets.values()].flatMap((target) =>
        target.organizationId ? [target.organizationId] : [],
      ),
    ]),
  ];
  const organizations = organizationIds.length
    ? await database.organization.findMany({
        where: { id: { in: organizationIds } },
        select: { id: true, name: true },
      })
    : [];
  const names = new Map(organizations.map((org) => [org.id, org.name]));
  return {
    items: page.items.map((row) => toAuditEventView(row, names, targets)),
    nextCursor: page.nextCursor,
  };
}

/**
 * Events that concern these organisations: their own, and the reviews of their applications,
 * which are recorded platform-wide (reviewers are not the applicant's to see).
 */
async function concerning(
  database: Database,
  organizationIds: string[],
): Promise<Prisma.AuditEventWhereInput> {
  const reviews = await database.review.findMany({
    where: { request: { organizationId: { in: organizationIds } } },
    select: { id: true },
  });
  return {
    OR: [
      { organizationId: { in: organizationIds } },
      ...(reviews.length
        ? [{ targetType: "Review", targetId: { in: reviews.map((review) => review.id) } }]
        : []),
    ],
  };
}
