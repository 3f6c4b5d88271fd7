import { describe, expect, it } from "vitest";
import { db } from "@tessera/db";
import { createCluster, SYSTEM_ACTOR, updateCluster } from "@tessera/core";
import {
  callerFor,
  createTestUser,
  failureOf,
  httpErrorOf,
  uniqueSuffix,
} from "../../test-helpers";

const operator = () => createTestUser({ platformRoles: ["OPERATOR"] });

const good = (kind: "SLURM" | "KUBERNETES" | "SIM" = "SLURM") => ({
  code: `edge-${uniqueSuffix()}`,
  name: "Edge",
  kind,
  region: "eu",
  jurisdiction: "DE",
  endpoint:
    kind === "KUBERNETES"
      ? "https://k8s.example:6443"
      : kind === "SLURM"
        ? "http://slurm.example:6820"
        : null,
});

// Each refused the same way: nothing created, the problem named beside its field.
const refusedEndpoints: [string, string, "SLURM" | "KUBERNETES" | "SIM", RegExp][] = [
  ["a javascript: address", "javascript:alert(1)", "SLURM", /http:\/\/ or https:\/\//],
  ["an ftp: address", "ftp://slurm.example:6820", "SLURM", /http:\/\/ or https:\/\//],
  ["a host-less address", "http://:6820", "SLURM", /needs a host name/],
  ["an address with no authority", "https:///slurm", "SLURM", /needs a host name/],
  [
    "credentials in the address",
    "https://admin:secret@slurm.example:6820",
    "SLURM",
    /user names and passwords/,
  ],
  ["a bare host name", "slurm.example:6820", "SLURM", /http:\/\/ or https:\/\//],
  ["a query", "http://slurm.example:6820/?token=x", "SLURM", /\? or #/],
  ["a bad port", "http://slurm.example:99999", "SLURM", /not a valid address/],
  ["an overlong address", `https://${"a".repeat(300)}.example`, "SLURM", /at most 300/],
  ["plain http to Kubernetes", "http://k8s.example:6443", "KUBERNETES", /over https:\/\//],
  [
    "an endpoint on a simulated cluster",
    "http://sim.example",
    "SIM",
    /simulated cluster has no endpoint/,
  ],
];

describe("catalogue.clusters input", () => {
  it.each(["GERMANY", "Germany", "XX", "EUR", "G", "", "D E"])(
    "refuses the jurisdiction %j and creates nothing",
    async (jurisdiction) => {
      const op = await operator();
      const input = { ...good(), jurisdiction };
      const failure = await httpErrorOf(op, "catalogue.clusters.create", "mutation", input);
      expect(failure.code).toBe("BAD_REQUEST");
      expect(failure.fieldErrors?.jurisdiction?.[0]).toMatch(
        jurisdiction.length > 12 ? /ISO 3166/ : /(Tessera knows|ISO 3166|Choose)/,
      );
      expect(await db.cluster.count({ where: { code: input.code } })).toBe(0);
    },
  );

  it.each(refusedEndpoints)(
    "refuses %s and creates nothing",
    async (_, endpoint, kind, message) => {
      const op = await operator();
      const input = { ...good(kind), endpoint };
      const failure = await httpErrorOf(op, "catalogue.clusters.create", "mutation", input);
      expect(failure.code).toBe("BAD_REQUEST");
      expect(failure.fieldErrors?.endpoint?.[0]).toMatch(message);
      expect(await db.cluster.count({ where: { code: input.code } })).toBe(0);
    },
  );

  it("names every problem of one bad registration at once", async () => {
    const op = await operator();
    const failure = await httpErrorOf(op, "catalogue.clusters.create", "mutation", {
      code: "edge-ü",
      name: "",
      kind: "SLURM",
      region: "r".repeat(500),
      jurisdiction: "Germany",
      endpoint: "javascript:alert(1)",
    });
    expect(Object.keys(failure.fieldErrors ?? {}).sort()).toEqual([
      "code",
      "endpoint",
      "jurisdiction",
      "name",
      "region",
    ]);
  });

  it("registers good clusters of each kind, keeping the endpoint as given", async () => {
    const op = await operator();
    for (const kind of ["SLURM", "KUBERNETES", "SIM"] as const) {
      const input = { ...good(kind), jurisdiction: "eu" };
      const created = await callerFor(op).catalogue.clusters.create(input);
      expect(created).toMatchObject({ jurisdiction: "EU", endpoint: input.endpoint });
    }
  });

  it("refuses the same on an edit, and changes nothing", async () => {
    const op = await operator();
    const caller = callerFor(op);
    const slurm = await caller.catalogue.clusters.create(good("SLURM"));
    const k8s = await caller.catalogue.clusters.create(good("KUBERNETES"));
    const sim = await caller.catalogue.clusters.create(good("SIM"));
    const attempts: [string, Record<string, unknown>, string][] = [
      [slurm.id, { jurisdiction: "GERMANY" }, "jurisdiction"],
      [slurm.id, { jurisdiction: "QQ" }, "jurisdiction"],
      [slurm.id, { endpoint: "javascript:alert(1)" }, "endpoint"],
      [slurm.id, { endpoint: "ftp://slurm.example" }, "endpoint"],
      [slurm.id, { endpoint: "https://user:pw@slurm.example" }, "endpoint"],
      [slurm.id, { endpoint: "http://" }, "endpoint"],
      // Only the domain knows the kind of the cluster being edited.
      [k8s.id, { endpoint: "http://k8s.example:6443" }, "endpoint"],
      [sim.id, { endpoint: "http://sim.example" }, "endpoint"],
    ];
    for (const [clusterId, change, field] of attempts) {
      const failure = await httpErrorOf(op, "catalogue.clusters.update", "mutation", {
        clusterId,
        name: "Renamed",
        ...change,
      });
      expect(failure.code).toBe("BAD_REQUEST");
      expect(Object.keys(failure.fieldErrors ?? {})).toEqual([field]);
    }
    for (const before of [slurm, k8s, sim]) {
      const after = await db.cluster.findUniqueOrThrow({ where: { id: before.id } });
      expect(after).toMatchObject({
        name: before.name,
        jurisdiction: before.jurisdiction,
        endpoint: before.endpoint,
        updatedAt: before.updatedAt,
      });
    }
    expect(
      await db.auditEvent.count({
        where: { action: "cluster.updated", targetId: { in: [slurm.id, k8s.id, sim.id] } },
      }),
    ).toBe(0);
    // A good edit still goes through, and an emptied endpoint disconnects the cluster.
    expect(
      await caller.catalogue.clusters.update({
        clusterId: k8s.id,
        jurisdiction: "fr",
        endpoint: "https://k8s-2.example:6443",
      }),
    ).toMatchObject({ jurisdiction: "FR", endpoint: "https://k8s-2.example:6443" });
    expect(
      await caller.catalogue.clusters.update({ clusterId: slurm.id, endpoint: "" }),
    ).toMatchObject({ endpoint: null });
  });

  it("is refused by the domain too, for callers that bypass the API's input", async () => {
    const op = await operator();
    const refused = await createCluster(db, SYSTEM_ACTOR, {
      ...good(),
      jurisdiction: "Germany",
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "INVALID", details: { field: "jurisdiction" } });
    const cluster = await callerFor(op).catalogue.clusters.create(good());
    const edit = await updateCluster(db, SYSTEM_ACTOR, {
      clusterId: cluster.id,
      endpoint: "javascript:alert(1)",
    }).catch((error: unknown) => error);
    expect(edit).toMatchObject({ code: "INVALID", details: { field: "endpoint" } });
    const after = await db.cluster.findUniqueOrThrow({ where: { id: cluster.id } });
    expect(after.endpoint).toBe(cluster.endpoint);
    // Refused through the API as a plain sentence too, for a caller that is not a form.
    const failure = await failureOf(
      callerFor(op).catalogue.clusters.update({
        clusterId: cluster.id,
        endpoint: "ftp://x.example",
      }),
    );
    expect(failure).toMatchObject({ code: "BAD_REQUEST" });
    expect(failure.message).toMatch(/http:\/\/ or https:\/\//);
  });
});
