/** `pnpm audit:verify` — walks the audit chain and names the first broken link; exit 1 if any. */
import { createDatabase } from "@tessera/db";
import { verifyAuditChain } from "../src/audit/verify-audit-chain";

const database = createDatabase(process.argv[2]);
try {
  const verdict = await verifyAuditChain(database);
  if (verdict.ok) {
    console.info(`Audit chain intact: ${verdict.checked} events verified.`);
  } else {
    console.error(
      `Audit chain broken at event ${verdict.brokenAt} (${verdict.reason === "link" ? "does not link to the previous event" : "content does not match its hash"}); ${verdict.checked} events before it verified.`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.$disconnect();
}
