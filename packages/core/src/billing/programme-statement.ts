import { Prisma, type Database, type ResourceKind } from "@tessera/db";
import { isBillingPeriod } from "./billing-period";
import { AppError } from "../errors";
import { toSafeNumber } from "../programmes/money";

export interface ProgrammeStatementLine {
  organizationId: string;
  organizationName: string;
  invoiceNumber: string;
  kind: "INVOICE" | "CREDIT_NOTE";
  position: number;
  resourceClassCode: string;
  /** The class's name ("NVIDIA H100 80 GB"), as people read it; the code stays for exports. */
  resourceClassName: string;
  /** The class's countable unit ("GPU"), for "12.5 GPU-hours". */
  unit: string;
  /** What the class counts in: a TOKENS line's quantity is `tokens`. */
  resourceKind: ResourceKind;
  usagePeriod: string;
  unitSeconds: bigint;
  tokens: bigint;
  listMinor: bigint;
  programmeMinor: bigint;
  energyMilliWh: bigint;
}

export interface ProgrammeStatement {
  programmeId: string;
  period: string;
  currency: string;
  lines: ProgrammeStatementLine[];
  organizations: {
    organizationId: string;
    organizationName: string;
    programmeMinor: bigint;
    listMinor: bigint;
  }[];
  programmeMinor: bigint;
  listMinor: bigint;
}

/**
 * What the programme owes for a billing month: every finalised invoice and credit-note line that
 * drew on one of its awards, per organisation and line, with the sums.
 */
export async function getProgrammeStatement(
  database: Database,
  input: { programmeId: string; period: string },
): Promise<ProgrammeStatement> {
  if (!isBillingPeriod(input.period)) throw new AppError("INVALID", "Choose a month as YYYY-MM.");
  const programme = await database.programme.findUnique({
    where: { id: input.programmeId },
    select: { id: true, currency: true },
  });
  if (!programme) throw new AppError("NOT_FOUND", "Programme not found.");
  const lines = await database.$queryRaw<ProgrammeStatementLine[]>(Prisma.sql`
    SELECT i."organizationId", o."name" AS "organizationName", i."number" AS "invoiceNumber",
           i."kind"::text AS "kind", l."position", l."resourceClassCode",
           rc."name" AS "resourceClassName", rc."unit",
           rc."kind"::text AS "resourceKind", l."usagePeriod", l."unitSeconds", l."tokens", l."listMinor", l."programmeMinor", l."energyMilliWh"
      FROM "InvoiceLine" l
      JOIN "Invoice" i ON i."id" = l."invoiceId"
      JOIN "Allocation" a ON a."id" = l."allocationId"
      JOIN "Organization" o ON o."id" = i."organizationId"
      JOIN "ResourceClass" rc ON rc."id" = l."resourceClassId"
     WHERE a."programmeId" = ${input.programmeId}::text AND i."period" = ${input.period}
     ORDER BY o."name", i."number", l."position"`);
  const byOrganization = new Map<string, ProgrammeStatement["organizations"][number]>();
  for (const line of lines) {
    const entry = byOrganization.get(line.organizationId) ?? {
      organizationId: line.organizationId,
      organizationName: line.organizationName,
      programmeMinor: 0n,
      listMinor: 0n,
    };
    entry.programmeMinor += line.programmeMinor;
    entry.listMinor += line.listMinor;
    byOrganization.set(line.organizationId, entry);
  }
  return {
    programmeId: programme.id,
    period: input.period,
    currency: programme.currency,
    lines,
    organizations: [...byOrganization.values()],
    programmeMinor: lines.reduce((sum, line) => sum + line.programmeMinor, 0n),
    listMinor: lines.reduce((sum, line) => sum + line.listMinor, 0n),
  };
}

/** The statement as pages show it: amounts as integer minor units in safe numbers. */
export interface ProgrammeStatementView {
  programmeId: string;
  period: string;
  currency: string;
  lines: (Omit<
    ProgrammeStatementLine,
    "unitSeconds" | "tokens" | "listMinor" | "programmeMinor" | "energyMilliWh"
  > & {
    unitSeconds: number;
    tokens: number;
    listMinor: number;
    programmeMinor: number;
    energyMilliWh: number;
  })[];
  organizations: {
    organizationId: string;
    organizationName: string;
    programmeMinor: number;
    listMinor: number;
  }[];
  programmeMinor: number;
  listMinor: number;
}

export async function getProgrammeStatementView(
  database: Database,
  input: { programmeId: string; period: string },
): Promise<ProgrammeStatementView> {
  const statement = await getProgrammeStatement(database, input);
  return {
    ...statement,
    lines: statement.lines.map((line) => ({
      ...line,
      unitSeconds: toSafeNumber(line.unitSeconds, "quantity"),
      tokens: toSafeNumber(line.tokens, "quantity"),
      listMinor: toSafeNumber(line.listMinor),
      programmeMinor: toSafeNumber(line.programmeMinor),
      energyMilliWh: toSafeNumber(line.energyMilliWh, "energy"),
    })),
    organizations: statement.organizations.map((organization) => ({
      ...organization,
      programmeMinor: toSafeNumber(organization.programmeMinor),
      listMinor: toSafeNumber(organization.listMinor),
    })),
    programmeMinor: toSafeNumber(statement.programmeMinor),
    listMinor: toSafeNumber(statement.listMinor),
  };
}
