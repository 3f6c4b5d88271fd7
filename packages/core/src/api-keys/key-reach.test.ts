import { describe, expect, it } from "vitest";
import { dataPlace, keyReach, type KeyReachRules, type ReachRoute } from "./key-reach";

const route = (endpointId: string, model: string, jurisdiction: string): ReachRoute => ({
  endpointId,
  model,
  clusterName: `Cluster ${jurisdiction}`,
  jurisdiction,
});

function routes(own: ReachRoute[], shared: ReachRoute[] = [], callable: string[] = []) {
  const byModel = (list: ReachRoute[]) => {
    const map = new Map<string, ReachRoute[]>();
    for (const r of list) map.set(r.model, [...(map.get(r.model) ?? []), r]);
    return map;
  };
  return { own: byModel(own), shared: byModel(shared), callable: new Set(callable) };
}

/** A key open to everything, of a project whose data may go anywhere, in a GB organisation. */
const OPEN: KeyReachRules = {
  allowedModels: null,
  allowedEndpointIds: null,
  residency: null,
  classification: "INTERNAL",
  organizationCountry: "GB",
};
const GB_ONLY: KeyReachRules = { ...OPEN, residency: "GB", classification: "RESTRICTED" };

describe("keyReach: what an API key can call through the gateway", () => {
  it("leaves out a model whose only endpoint is on a cluster the project's residency excludes", () => {
    const org = routes([route("e-eu", "demo/tiny", "EU"), route("e-gb", "demo/code", "GB")]);
    expect(keyReach(OPEN, org)).toMatchObject({
      models: ["demo/code", "demo/tiny"],
      example: "demo/code",
      blocked: null,
    });
    expect(keyReach(GB_ONLY, org)).toMatchObject({
      models: ["demo/code"],
      example: "demo/code",
      blocked: null,
      place: { kind: "IN", place: "GB" },
    });
  });

  it("reaches nothing, saying why and where, when every endpoint is where the data may not go", () => {
    const org = routes(
      [route("e-eu", "demo/tiny", "EU")],
      [route("s-eu", "shared/chat", "EU")],
      ["shared/chat"],
    );
    expect(keyReach(OPEN, org).example).toBe("demo/tiny");
    expect(keyReach(GB_ONLY, org)).toEqual({
      models: [],
      example: null,
      blocked: "PLACE",
      place: { kind: "IN", place: "GB" },
    });
  });

  it("keeps to the models the key is limited to, naming the first of them it can reach", () => {
    const org = routes([
      route("e1", "demo/a", "GB"),
      route("e2", "demo/b", "GB"),
      route("e3", "demo/c", "EU"),
    ]);
    const limited = { ...GB_ONLY, allowedModels: new Set(["demo/c", "demo/b"]) };
    expect(keyReach(limited, org)).toMatchObject({ models: ["demo/b"], example: "demo/b" });
    const onlyForeign = { ...GB_ONLY, allowedModels: new Set(["demo/c"]) };
    expect(keyReach(onlyForeign, org)).toMatchObject({ models: [], blocked: "PLACE" });
  });

  it("keeps to the endpoints the key is limited to, and then never reaches the shared models", () => {
    const org = routes(
      [route("e1", "demo/a", "GB"), route("e2", "demo/b", "GB")],
      [route("s1", "shared/chat", "GB")],
      ["shared/chat"],
    );
    const limited = { ...OPEN, allowedEndpointIds: new Set(["e2"]) };
    expect(keyReach(limited, org).models).toEqual(["demo/b"]);
    const gone = { ...OPEN, allowedEndpointIds: new Set(["deleted"]) };
    expect(keyReach(gone, org)).toMatchObject({ models: [], blocked: "SCOPE" });
  });

  it("blames an endpoint-limited key's own limits, never the organisation, when nothing within them runs", () => {
    // Its endpoint was deleted and the organisation serves nothing else: a new endpoint would
    // have a new id, so deploying would not help this key.
    const gone = { ...OPEN, allowedEndpointIds: new Set(["deleted"]) };
    expect(keyReach(gone, routes([]))).toMatchObject({ models: [], blocked: "SCOPE" });
    // Its endpoint runs where the project's data may not go: the key's limits again, by place.
    const foreign = { ...GB_ONLY, allowedEndpointIds: new Set(["e-eu"]) };
    const org = routes([route("e-eu", "demo/a", "EU"), route("e-gb", "demo/a", "GB")]);
    expect(keyReach(foreign, org)).toMatchObject({ models: [], blocked: "PLACE" });
  });

  it("says a model-limited key waits for one of its models, not for any endpoint", () => {
    const limited = { ...OPEN, allowedModels: new Set(["demo/gone"]) };
    // Nothing at all, or only other models: an endpoint of demo/gone is what would help.
    expect(keyReach(limited, routes([]))).toMatchObject({ models: [], blocked: "MODELS" });
    expect(keyReach(limited, routes([route("e1", "demo/a", "GB")]))).toMatchObject({
      models: [],
      blocked: "MODELS",
    });
    const foreign = { ...GB_ONLY, allowedModels: new Set(["demo/a"]) };
    expect(keyReach(foreign, routes([route("e1", "demo/a", "EU")]))).toMatchObject({
      blocked: "PLACE",
    });
  });

  it("reaches a shared model only when the organisation holds tokens of its tier", () => {
    const shared = [route("s1", "shared/chat", "GB")];
    expect(keyReach(OPEN, routes([], shared, ["shared/chat"]))).toMatchObject({
      models: ["shared/chat"],
      example: "shared/chat",
    });
    expect(keyReach(OPEN, routes([], shared, []))).toMatchObject({
      models: [],
      example: null,
      blocked: "NONE",
    });
  });

  it("names the organisation's own model before a shared one, and routes a model it serves itself to its own endpoints", () => {
    const org = routes(
      [route("e1", "z/own", "GB"), route("e2", "shared/chat", "EU")],
      [route("s1", "shared/chat", "GB"), route("s2", "a/shared", "GB")],
      ["shared/chat", "a/shared"],
    );
    // Its own endpoint of shared/chat is in EU: the gateway sends calls there, never to the
    // shared one in GB, so a GB-only key cannot call shared/chat.
    expect(keyReach(GB_ONLY, org).models).toEqual(["z/own", "a/shared"]);
    expect(keyReach(GB_ONLY, org).example).toBe("z/own");
  });

  it("reaches nothing in an organisation with no endpoint and no tokens", () => {
    expect(keyReach(GB_ONLY, routes([]))).toMatchObject({ blocked: "NONE", example: null });
  });
});

describe("dataPlace: where a project's data may be processed", () => {
  it("is the residency, or for restricted data the organisation's own country", () => {
    expect(dataPlace(OPEN)).toEqual({ kind: "ANYWHERE" });
    expect(dataPlace({ ...OPEN, residency: "EU" })).toEqual({ kind: "IN", place: "EU" });
    expect(dataPlace(GB_ONLY)).toEqual({ kind: "IN", place: "GB" });
    expect(dataPlace({ ...OPEN, classification: "RESTRICTED" })).toEqual({
      kind: "IN",
      place: "GB",
    });
    expect(
      dataPlace({
        ...OPEN,
        classification: "RESTRICTED",
        residency: "EU",
        organizationCountry: "DE",
      }),
    ).toEqual({ kind: "IN", place: "DE" });
    expect(dataPlace({ ...GB_ONLY, residency: "EU" })).toEqual({
      kind: "NOWHERE",
      residency: "EU",
      country: "GB",
    });
  });
});
