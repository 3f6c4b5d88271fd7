import { Prisma, type Database, type MailMessage, type ResourceKind } from "@tessera/db";
import { countsTokens } from "../catalogue/metering-unit";
import { deliverMail } from "../mail/send-mail";
import { formatLedgerQuantity } from "../quota/format-ledger-quantity";
import { TX_OPTIONS } from "../transaction";
import { notifyUser, type NotifyInput } from "./notify-user";

/** A line is worth a warning once this share of it is used or held (percent). */
export const LINE_USED_ALERT_PERCENT = 80;
/** An allocation is worth a warning once it ends within this many days. */
export const EXPIRY_ALERT_DAYS = 14;
/**
 * Who is warned: owners and administrators, who can apply for more, and billing members, who pay
 * for what runs once the allocation is used up or over.
 */
export const ALLOCATION_ALERT_ROLES = ["OWNER", "ADMIN", "BILLING"] as const;

/**
 * What of a line counts as used: what is consumed or held by running work — except on a token
 * line, whose holds are the gateway's leases, its reservation of the organisation's own tokens
 * for its next calls, still theirs to call for (as the home page and Allocations read them).
 */
const USED_UNIT_SECONDS = Prisma.sql`CASE WHEN rc."kind" = 'TOKENS' THEN l."consumedUnitSeconds"
             ELSE l."heldUnitSeconds" + l."consumedUnitSeconds" END`;

interface Recipient {
  userId: string;
  email: string | null;
  organizationId: string;
  programmeName: string;
}

interface UsedLine extends Recipient {
  lineId: string;
  resourceClassName: string;
  kind: ResourceKind;
  unit: string;
  grantedUnitSeconds: bigint;
  usedUnitSeconds: bigint;
  validTo: Date;
}

interface EndingAllocation extends Recipient {
  allocationId: string;
  validTo: Date;
}

function longDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" });
}

/**
 * The allocation warnings, once per threshold: a line 80 % used (consumed plus held by running
 * jobs; a token line's tokens spent, USED_UNIT_SECONDS) and an allocation ending within 14 days. The organisation's owners, administrators and
 * billing members are told (ALLOCATION_ALERT_ROLES). Only missing notices are looked for, and each
 * notice's event key is unique per recipient, so running the sweep twice (or on two workers at
 * once) tells nobody twice.
 */
export async function sweepAllocationAlerts(
  database: Database,
  now: Date = new Date(),
): Promise<{ notified: number }> {
  const horizon = new Date(now.getTime() + EXPIRY_ALERT_DAYS * 86_400_000);
  const [usedLines, endingAllocations] = await Promise.all([
    database.$queryRaw<UsedLine[]>`
      SELECT m."userId", u."email", a."organizationId", p."name" AS "programmeName",
             l."id" AS "lineId", rc."name" AS "resourceClassName",
             rc."kind"::text AS "kind", rc."unit",
             l."grantedUnitSeconds", ${USED_UNIT_SECONDS} AS "usedUnitSeconds",
             a."validTo"
        FROM "AllocationLine" l
        JOIN "Allocation" a ON a."id" = l."allocationId"
        JOIN "Programme" p ON p."id" = a."programmeId"
        JOIN "ResourceClass" rc ON rc."id" = l."resourceClassId"
        JOIN "Membership" m ON m."organizationId" = a."organizationId" AND m."role"::text IN (${Prisma.join(ALLOCATION_ALERT_ROLES)})
        JOIN "User" u ON u."id" = m."userId"
       WHERE a."validTo" > ${now}
         AND l."grantedUnitSeconds" > 0
         AND ${USED_UNIT_SECONDS} * 100 >= l."grantedUnitSeconds" * ${LINE_USED_ALERT_PERCENT}
         AND NOT EXISTS (
               SELECT 1 FROM "Notification" n
                WHERE n."userId" = m."userId" AND n."eventKey" = 'allocation-line-used-80:' || l."id")`,
    database.$queryRaw<EndingAllocation[]>`
      SELECT m."userId", u."email", a."organizationId", p."name" AS "programmeName",
             a."id" AS "allocationId", a."validTo"
        FROM "Allocation" a
        JOIN "Programme" p ON p."id" = a."programmeId"
        JOIN "Membership" m ON m."organizationId" = a."organizationId" AND m."role"::text IN (${Prisma.join(ALLOCATION_ALERT_ROLES)})
        JOIN "User" u ON u."id" = m."userId"
       WHERE a."validTo" > ${now} AND a."validTo" <= ${horizon}
         AND NOT EXISTS (
               SELECT 1 FROM "Notification" n
                WHERE n."userId" = m."userId" AND n."eventKey" = 'allocation-expiring-14d:' || a."id")`,
  ]);

  const notices: NotifyInput[] = [
    ...usedLines.map((line) => {
      const percent = Number((line.usedUnitSeconds * 100n) / line.grantedUnitSeconds);
      const left = line.grantedUnitSeconds - line.usedUnitSeconds;
      const amount = (value: bigint) => formatLedgerQuantity(value, line);
      const spentBy = countsTokens(line.kind)
        ? "are spent by calls to shared models"
        : "are used or held by running jobs";
      return {
        user: { id: line.userId, email: line.email },
        kind: "ALLOCATION_ALERT" as const,
        eventKey: `allocation-line-used-80:${line.lineId}`,
        organizationId: line.organizationId,
        title: `${percent}% of your ${line.resourceClassName} allocation is used`,
        body: `${amount(line.usedUnitSeconds)} of ${amount(line.grantedUnitSeconds)} from ${line.programmeName} ${spentBy}; ${amount(left > 0n ? left : 0n)} remain until ${longDate(line.validTo)}. Apply for more before it runs out.`,
        link: `/orgs/${line.organizationId}/allocations`,
      };
    }),
    ...endingAllocations.map((allocation) => {
      const days = Math.max(
        1,
        Math.ceil((allocation.validTo.getTime() - now.getTime()) / 86_400_000),
      );
      return {
        user: { id: allocation.userId, email: allocation.email },
        kind: "ALLOCATION_ALERT" as const,
        eventKey: `allocation-expiring-14d:${allocation.allocationId}`,
        organizationId: allocation.organizationId,
        title: `Your ${allocation.programmeName} allocation ends in ${days} day${days === 1 ? "" : "s"}`,
        body: `The allocation from ${allocation.programmeName} ends on ${longDate(allocation.validTo)}. Jobs cannot draw on it after that; apply to a programme for more compute in time.`,
        link: `/orgs/${allocation.organizationId}/allocations`,
      };
    }),
  ];

  let notified = 0;
  const mails: MailMessage[] = [];
  for (const notice of notices) {
    const { notification, mail } = await database.$transaction(
      (tx) => notifyUser(tx, notice),
      TX_OPTIONS,
    );
    if (notification) notified += 1;
    if (mail) mails.push(mail);
  }
  for (const mail of mails) await deliverMail(database, mail);
  return { notified };
}
