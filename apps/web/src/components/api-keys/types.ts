import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@tessera/api";

/** What the API key procedures return, as the page receives it. */
type Outputs = inferRouterOutputs<AppRouter>;

export type ApiKeyPage = Outputs["apiKeys"]["list"];
export type ApiKeyView = ApiKeyPage["items"][number];
export type ApiKeyFormOptions = Outputs["apiKeys"]["formOptions"];
export type IssuedApiKey = Outputs["apiKeys"]["create"];
export type ApiKeyState = ApiKeyView["status"]["state"];

/** A key just created or rotated, with what happened, while its secret is still on screen. */
export interface ShownKey {
  issued: IssuedApiKey;
  kind: "created" | "rotated";
}

/** What a key (or a key for a project) can reach through the gateway: core's keyReach. */
export type KeyReachView = ApiKeyView["reach"];
