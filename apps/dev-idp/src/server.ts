import http from "node:http";
import type Provider from "oidc-provider";
import { PERSONAS } from "@tessera/config";
import { errorPage, loginPage } from "./pages";
import { SCOPES } from "./provider";

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,128})(?:\/(login|abort))?$/;
const MAX_FORM_BYTES = 4096;

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_FORM_BYTES) throw new Error("Form too large");
  }
  return new URLSearchParams(body);
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy":
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
  });
  res.end(html);
}

/** Serves the persona picker (our own interaction pages) and hands everything else to the provider. */
async function handleInteraction(
  provider: Provider,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  uid: string,
  step: string | undefined,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) {
    sendHtml(
      res,
      400,
      errorPage({ error: "invalid_request", error_description: "This sign-in link has expired." }),
    );
    return;
  }

  if (req.method === "GET" && step === undefined) {
    if (details.prompt.name === "consent") {
      // Normally consent is granted by loadExistingGrant; finish it here if it was asked anyway.
      const grant = new provider.Grant({
        clientId: String(details.params.client_id),
        accountId: details.session?.accountId,
      });
      grant.addOIDCScope(SCOPES);
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    sendHtml(res, 200, loginPage({ uid, clientName: "Tessera", personas: PERSONAS }));
    return;
  }

  if (req.method === "POST" && step === "login") {
    const form = await readForm(req);
    const chosen = PERSONAS.find((p) => p.key === form.get("persona"));
    if (!chosen) {
      sendHtml(res, 400, loginPage({ uid, clientName: "Tessera", personas: PERSONAS }));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: chosen.sub } },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  if (req.method === "POST" && step === "abort") {
    await provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "Sign-in was cancelled." },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  sendHtml(res, 405, errorPage({ error: "method_not_allowed" }));
}

export function createServer(provider: Provider): http.Server {
  const providerCallback = provider.callback();
  return http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const match = INTERACTION_PATH.exec(pathname);
    if (!match) {
      void providerCallback(req, res);
      return;
    }
    handleInteraction(provider, req, res, match[1] ?? "", match[2]).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : "Unexpected error";
      console.error(`dev-idp: interaction failed: ${message}`);
      if (!res.headersSent) {
        sendHtml(res, 400, errorPage({ error: "interaction_failed", error_description: message }));
      } else {
        res.end();
      }
    });
  });
}
