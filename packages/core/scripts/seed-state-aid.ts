/**
 * Demo state aid: the demo SME belongs to an undertaking group (so the ledger shows linked
 * organisations counted together). Its applications, one approved with other aid declared and one
 * waiting for a decision, are seeded with the others. Recorded `at` the date given. Idempotent.
 */
import type { Database } from "@tessera/db";
import type { Actor } from "../src/actor";
import { createUndertakingGroup } from "../src/state-aid/create-undertaking-group";
import { setOrganizationStateAid } from "../src/state-aid/set-organization-state-aid";

const GROUP = { name: "Vela Group", country: "DE", registryId: "HRB 190233" };

export async function seedStateAid(
  database: Database,
  input: { platformAdmin: Actor; organizationId: string; at: Date },
): Promise<void> {
  const group =
    (await database.undertakingGroup.findUnique({
      where: { country_registryId: { country: GROUP.country, registryId: GROUP.registryId } },
    })) ?? (await createUndertakingGroup(database, input.platformAdmin, GROUP, input.at));
  const organization = await database.organization.findUniqueOrThrow({
    where: { id: input.organizationId },
    select: { stateAidGroupId: true },
  });
  if (organization.stateAidGroupId === group.id) return;
  await setOrganizationStateAid(
    database,
    input.platformAdmin,
    { organizationId: input.organizationId, actsEconomically: false, stateAidGroupId: group.id },
    input.at,
  );
}
