import { Prisma, type Database, type MailMessage, type WorkloadStatus } from "@tessera/db";
import { deliverMail } from "../mail/send-mail";
import { formatQuota } from "../workloads/format-usage";
import { TX_OPTIONS } from "../transaction";
import { notifyUser } from "./notify-user";

/** The ends a job's submitter is told about. */
const ENDED: WorkloadStatus[] = ["COMPLETED", "FAILED", "CANCELLED", "LOST", "REFUSED"];
/** Ends older than this are history, not news (a first start on old data tells nobody). */
const LOOK_BACK_HOURS = 24;
const BATCH = 100;

interface EndedWorkload {
  id: string;
  organizationId: string;
  name: string;
  status: WorkloadStatus;
  statusReason: string | null;
  exitCode: number | null;
  consumedUnitSeconds: bigint | null;
  unit: string;
  userId: string;
  email: string | null;
}

export function workloadEndedKey(workloadId: string): string {
  return `workload-ended:${workloadId}`;
}

function message(job: EndedWorkload): { title: string; body: string } {
  const used =
    job.consumedUnitSeconds !== null
      ? ` It used ${formatQuota(job.consumedUnitSeconds, job.unit)}.`
      : "";
  // A scheduler's reason that only repeats how the job ended ("FAILED") says nothing more.
  const said = job.statusReason && job.statusReason.toUpperCase() !== job.status;
  const reason = said ? ` Reason: ${job.statusReason}.` : "";
  switch (job.status) {
    case "COMPLETED":
      return {
        title: `Job completed: ${job.name}`,
        body: `Your job "${job.name}" completed.${used}`,
      };
    case "FAILED":
      return {
        title: `Job failed: ${job.name}`,
        body: `Your job "${job.name}" failed${job.exitCode !== null ? ` with exit code ${job.exitCode}` : ""}.${reason}${used} Its output is on the job's page.`,
      };
    case "CANCELLED":
      return {
        title: `Job cancelled: ${job.name}`,
        body: `Your job "${job.name}" was cancelled.${used}`,
      };
    case "LOST":
      return {
        title: `Job lost: ${job.name}`,
        body: `The cluster no longer knows your job "${job.name}", so Tessera marked it lost and released its quota hold.${reason}`,
      };
    default:
      return {
        title: `Job refused: ${job.name}`,
        body: `The cluster refused your job "${job.name}"; nothing ran and its quota hold was released.${reason}`,
      };
  }
}

/**
 * Tells each recently ended job's submitter how it ended, once: the sweep picks jobs whose notice
 * is missing, and the notice's unique event key makes a second run (or a concurrent worker) write
 * nothing. One sweep covers every way a job ends (tracking, cancel, the reconciler's lost jobs).
 */
export async function notifyEndedWorkloads(
  database: Database,
  now: Date = new Date(),
): Promise<{ notified: number }> {
  const since = new Date(now.getTime() - LOOK_BACK_HOURS * 3_600_000);
  let notified = 0;
  // Each pass notices the oldest missing ones; the next finds only what is still missing.
  for (;;) {
    const batch = await notifyBatch(database, since);
    notified += batch.notified;
    if (batch.seen < BATCH) return { notified };
  }
}

async function notifyBatch(
  database: Database,
  since: Date,
): Promise<{ seen: number; notified: number }> {
  const ended = await database.$queryRaw<EndedWorkload[]>`
    SELECT w."id", w."organizationId", w."name", w."status"::text AS "status", w."statusReason",
           w."exitCode", w."consumedUnitSeconds", rc."unit", u."id" AS "userId", u."email"
      FROM "Workload" w
      JOIN "User" u ON u."id" = w."createdById"
      JOIN "ResourceClass" rc ON rc."id" = w."resourceClassId"
     WHERE w."kind" = 'TRAINING_JOB' AND w."status"::text IN (${Prisma.join(ENDED)})
       AND COALESCE(w."endedAt", w."updatedAt") >= ${since}
       AND NOT EXISTS (
             SELECT 1 FROM "Notification" n
              WHERE n."userId" = w."createdById" AND n."eventKey" = 'workload-ended:' || w."id")
     ORDER BY COALESCE(w."endedAt", w."updatedAt")
     LIMIT ${BATCH}`;
  let notified = 0;
  const mails: MailMessage[] = [];
  for (const job of ended) {
    const { notification, mail } = await database.$transaction(
      (tx) =>
        notifyUser(tx, {
          user: { id: job.userId, email: job.email },
          kind: "JOB_ENDED",
          eventKey: workloadEndedKey(job.id),
          organizationId: job.organizationId,
          ...message(job),
          link: `/orgs/${job.organizationId}/jobs/${job.id}`,
        }),
      TX_OPTIONS,
    );
    if (notification) notified += 1;
    if (mail) mails.push(mail);
  }
  for (const mail of mails) await deliverMail(database, mail);
  return { seen: ended.length, notified };
}
