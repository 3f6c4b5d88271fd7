/**
 * A few hours of metering on the platform's shared endpoints for the demo (`db:seed
 * --demo-metering`, which infra/up.sh passes), so that an organisation calling a shared model sees
 * its energy per 1,000 tokens on the gateway usage page: the endpoints' replicas as the sampler
 * records them (one record an hour, energy estimated from the class's power draw) and the calls
 * they served meanwhile.
 *
 * Demo only. The calls stand for the shared endpoints' other callers and are recorded in the
 * platform's own organisation, without a token lease or an allocation line, so that no tenant's
 * usage, quota or invoice changes; tests seed without them. Volumes are set so the averages are
 * those of a busy endpoint: the 8B model on one L40S (350 W) serving ~500 tokens a second
 * (≈ 0.19 Wh per 1,000 tokens), the CPU model on 8 cores (80 W) ~25 a second (≈ 0.89 Wh).
 * Idempotent within the hour: records have deterministic keys; a later run adds its own hours.
 */
import { tenantScoped, type Database, type Prisma } from "@tessera/db";
import { SHARED_MODELS } from "./demo-models";

const HOURS = 3;
const HOUR_MS = 3_600_000;

/** Each shared model's traffic: calls an hour and an average call. */
const TRAFFIC: Record<string, { callsPerHour: number; tokensIn: number; tokensOut: number }> = {
  [SHARED_MODELS.chat8b]: { callsPerHour: 1_200, tokensIn: 1_100, tokensOut: 400 },
  [SHARED_MODELS.chatCpu1b]: { callsPerHour: 150, tokensIn: 450, tokensOut: 150 },
};

/** ±25 % around `mean`, the same on every run (call `index` of the hour). */
function spread(mean: number, index: number): number {
  return Math.round(mean * (0.75 + ((index * 37) % 51) / 100));
}

/** Records the last HOURS whole hours of the platform's shared endpoints. Returns how many. */
export async function seedSharedEndpointMetering(
  database: Database,
  input: { organizationId: string; now?: Date },
): Promise<number> {
  const db = tenantScoped(database, input.organizationId);
  const endpoints = await db.endpoint.findMany({
    where: { shared: true, status: { notIn: ["DELETING", "DELETED", "FAILED"] } },
    select: {
      workloadId: true,
      model: { select: { name: true, tokenResourceClassId: true } },
      workload: {
        select: {
          projectId: true,
          allocationLineId: true,
          resourceClassId: true,
          quantity: true,
          resourceClass: { select: { powerDrawWatts: true } },
        },
      },
    },
  });
  const lastHour = Math.floor((input.now ?? new Date()).getTime() / HOUR_MS) * HOUR_MS;
  const records: Prisma.UsageRecordCreateManyInput[] = [];
  for (const endpoint of endpoints) {
    const traffic = TRAFFIC[endpoint.model.name];
    const tier = endpoint.model.tokenResourceClassId;
    if (!traffic || !tier) continue;
    const { workload } = endpoint;
    for (let hour = 1; hour <= HOURS; hour += 1) {
      const start = lastHour - hour * HOUR_MS;
      records.push({
        organizationId: input.organizationId,
        source: "K8S_SAMPLER",
        sourceRef: endpoint.workloadId,
        intervalStart: new Date(start),
        intervalEnd: new Date(start + HOUR_MS),
        resourceClassId: workload.resourceClassId,
        workloadId: endpoint.workloadId,
        projectId: workload.projectId,
        allocationLineId: workload.allocationLineId,
        quantity: workload.quantity,
        unitSeconds: BigInt(workload.quantity * 3_600),
        // W × s / 3.6 = mWh: one replica at the class's power draw for the hour.
        energyMilliWh: BigInt(
          Math.round((workload.resourceClass.powerDrawWatts * workload.quantity * 3_600) / 3.6),
        ),
        energyBasis: "ESTIMATED",
      });
      for (let index = 0; index < traffic.callsPerHour; index += 1) {
        const at = start + Math.floor((index * HOUR_MS) / traffic.callsPerHour);
        const tokensOut = spread(traffic.tokensOut, index);
        const latencyMs = 300 + tokensOut * 12;
        records.push({
          organizationId: input.organizationId,
          source: "GATEWAY_TOKENS",
          sourceRef: `seed:${endpoint.workloadId}:${start}:${index}`,
          intervalStart: new Date(at),
          intervalEnd: new Date(at + latencyMs),
          resourceClassId: tier,
          // A call to a shared endpoint names no workload, as the gateway records it.
          workloadId: null,
          projectId: workload.projectId,
          allocationLineId: null,
          quantity: 0,
          unitSeconds: 0n,
          tokensIn: BigInt(spread(traffic.tokensIn, index + 7)),
          tokensOut: BigInt(tokensOut),
          model: endpoint.model.name,
          energyMilliWh: 0n,
          energyBasis: "ESTIMATED",
          latencyMs,
          timeToFirstTokenMs: 180,
        });
      }
    }
  }
  let written = 0;
  for (let offset = 0; offset < records.length; offset += 1_000) {
    const batch = await database.usageRecord.createMany({
      data: records.slice(offset, offset + 1_000),
      skipDuplicates: true,
    });
    written += batch.count;
  }
  return written;
}
