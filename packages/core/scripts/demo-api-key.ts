/**
 * `pnpm --silent demo:api-key` — after the quick start, issues a gateway key for the demo
 * researcher (Ada Okafor, Northbridge Speech Lab, project "Multilingual speech models") through
 * the same createApiKey the portal uses (audited, only its hash stored, 30 days), and prints the
 * key alone on stdout, so that `export TESSERA_API_KEY="$(pnpm --silent demo:api-key)"` keeps it.
 * What to do with it goes to stderr.
 */
import { gatewayBaseUrl, persona, serverEnv } from "@tessera/config";
import { createDatabase, tenantScoped } from "@tessera/db";
import { createApiKey } from "../src/api-keys/create-api-key";

const PROJECT = "Multilingual speech models";
const MODEL = "tessera-demo/tiny-chat-0.5b-instruct";

const database = createDatabase(serverEnv().DATABASE_URL, 2);
try {
  const ada = persona("researcher");
  const membership = await database.membership.findFirst({
    where: { user: { email: ada.email }, organization: { projects: { some: { name: PROJECT } } } },
    select: {
      role: true,
      user: { select: { id: true, email: true } },
      organization: { select: { id: true, name: true, projects: { where: { name: PROJECT } } } },
    },
  });
  if (!membership) {
    throw new Error(
      `The demo data is not there: ${ada.email} has no organisation with the project "${PROJECT}". Run bash infra/up.sh first.`,
    );
  }
  const { organization } = membership;
  const issued = await createApiKey(
    {
      organization: { id: organization.id, name: organization.name },
      role: membership.role,
      db: tenantScoped(database, organization.id),
    },
    {
      userId: membership.user.id,
      email: membership.user.email,
      ip: null,
      userAgent: "demo:api-key",
    },
    {
      name: `Quick start ${new Date().toISOString().slice(0, 16).replace("T", " ")}`,
      projectId: organization.projects[0]!.id,
      expiry: { days: 30 },
    },
  );
  process.stdout.write(`${issued.secretKey}\n`);
  process.stderr.write(
    `A key for ${organization.name} (${PROJECT}), valid 30 days, listed on its API keys page. Call ${MODEL} with it at ${gatewayBaseUrl(serverEnv().GATEWAY_URL)}.\n`,
  );
} finally {
  await database.$disconnect();
}
