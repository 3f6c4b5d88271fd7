/**
 * Tessera's development OpenID Provider. It offers the demo personas and exists for local
 * development and automated tests only; a deployment uses the national identity provider.
 */
import { serverEnv } from "@tessera/config";
import { createDevProvider } from "./provider";
import { createServer } from "./server";

const env = serverEnv();
const server = createServer(createDevProvider(env));

server.listen(env.DEV_IDP_PORT, () => {
  console.info(
    `dev-idp ready: issuer ${env.OIDC_ISSUER} on port ${env.DEV_IDP_PORT} (development and tests only)`,
  );
});

function shutdown(): void {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}

process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
