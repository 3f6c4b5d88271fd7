import { createHash, generateKeyPairSync, randomUUID } from "node:crypto";
import Provider, {
  interactionPolicy,
  type Configuration,
  type KoaContextWithOIDC,
} from "oidc-provider";
import { AUTH_PROVIDER_ID, PERSONAS, type ServerEnv } from "@tessera/config";
import { MemoryAdapter } from "./memory-adapter";
import { errorPage, loggedOutPage, logoutPage } from "./pages";

export const SCOPES = "openid profile email";

/** The claims each persona presents; the same shape a national identity provider would release. */
export function personaClaims(sub: string) {
  const found = PERSONAS.find((p) => p.sub === sub);
  if (!found) return undefined;
  return { sub: found.sub, name: found.name, email: found.email, email_verified: true };
}

function signingKey() {
  // A fresh key per start is enough: relying parties fetch the JWKS from discovery.
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), use: "sig", alg: "RS256" };
}

/**
 * Every sign-in asks for a persona, even when the provider still has a session, so that a
 * developer (or a test) can sign out of Tessera and come back as someone else.
 */
function alwaysPickPersonaPolicy() {
  const { Check, base } = interactionPolicy;
  const policy = base();
  policy
    .get("login")
    ?.checks.add(
      new Check(
        "dev_pick_persona",
        "A persona is chosen for every sign-in",
        (ctx: KoaContextWithOIDC) =>
          ctx.oidc.result?.login ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT,
      ),
    );
  return policy;
}

export function createDevProvider(env: ServerEnv): Provider {
  const appOrigin = new URL(env.APP_URL).origin;
  const cookieKey = createHash("sha256")
    .update(`tessera-dev-idp:${env.AUTH_SECRET}`)
    .digest("base64url");

  const configuration: Configuration = {
    adapter: MemoryAdapter,
    clients: [
      {
        client_id: env.OIDC_CLIENT_ID,
        client_secret: env.OIDC_CLIENT_SECRET,
        client_name: "Tessera",
        redirect_uris: [`${appOrigin}/api/auth/callback/${AUTH_PROVIDER_ID}`],
        post_logout_redirect_uris: [`${appOrigin}/`, `${appOrigin}/signin`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], profile: ["name"], email: ["email", "email_verified"] },
    // Auth.js reads the profile from the ID token, so the profile claims must be in it.
    conformIdTokenClaims: false,
    findAccount(_ctx, sub) {
      const claims = personaClaims(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: () => claims };
    },
    // Tessera is a first-party client: consent is granted without asking.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const accountId = oidc.session?.accountId;
      if (!oidc.client || !accountId) return undefined;
      const grantId =
        oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) {
        const existing = await oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId });
      grant.addOIDCScope(SCOPES);
      await grant.save();
      return grant;
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
      policy: alwaysPickPersonaPolicy(),
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.type = "html";
          ctx.body = logoutPage(form, ctx.host);
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = "html";
          ctx.body = loggedOutPage();
        },
      },
    },
    renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = errorPage({ ...out });
    },
    clientBasedCORS: () => false,
    cookies: { keys: [cookieKey] },
    jwks: { keys: [signingKey()] },
    ttl: {
      Session: 24 * 60 * 60,
      Grant: 24 * 60 * 60,
      Interaction: 10 * 60,
      IdToken: 60 * 60,
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
    },
  };

  return new Provider(env.OIDC_ISSUER, configuration);
}
