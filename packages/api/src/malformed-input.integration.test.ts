/**
 * Every procedure, any scope, gets malformed input through the real HTTP path and must answer
 * with a 4xx and a readable message — never a 500. The bad inputs are derived from each
 * procedure's own input schema, so a new procedure or field is covered without editing this file:
 * wrong types and sizes, Unicode edge cases in every text field (unpaired surrogates are refused;
 * RTL overrides, combining marks, zero-width and very long text are stored or refused, never a
 * 500), broken serializer envelopes and JSON, and odd request headers.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createContext, type SessionUser } from "./context";
import { MALFORMED_ENVELOPE_MESSAGE, MALFORMED_JSON_MESSAGE } from "./well-formed-input";
import { closeRateLimiter } from "./rate-limit";
import { appRouter } from "./root";
import { db } from "@tessera/db";
import {
  applicationUnderReview,
  createProgrammeAdmin,
  createTestApplicant,
  createTestProgramme,
  createTestResourceClass,
  draftInput,
} from "./routers/programmes/fixtures";
import {
  createTestOrganization,
  createTestUser,
  sessionUserOf,
  TEST_HEADERS,
} from "./test-helpers";

afterAll(closeRateLimiter);

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};

interface ProcedureInfo {
  path: string;
  type: "query" | "mutation";
  schema: JsonSchema;
}

interface BadInput {
  label: string;
  /** The value sent as the procedure's input (superjson-encoded), or a raw body when `raw` is set. */
  input?: unknown;
  raw?: string;
  /** The field at fault, when one is; the message must not show its internal name as a path. */
  field?: string;
  /** Odd but valid input: it may be accepted; if refused, then with a 4xx and a readable message. */
  mayPass?: boolean;
  /** Request headers added to (or replacing) the usual ones. */
  headers?: Record<string, string>;
}

const MEGABYTE = 1024 * 1024;

/** Valid but unusual text: every text field must store it or refuse it readably, never fail. */
const ODD_TEXT: [string, string][] = [
  ["with a right-to-left override", "\u202Eexe.tpircs\u202C name"],
  ["with combining marks piled up", `Ze${"\u0301\u0308\u0327".repeat(300)}lda`],
  ["with zero-width and byte-order-mark characters", "\uFEFFza\u200Bro\u200D\u2060"],
  ["with an emoji sequence and astral characters", "team 👩🏽‍🔬 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎"],
  ["with a lone combining mark", "\u0301"],
  ["as a long line of multi-byte characters", "ü".repeat(5000)],
  ["with line and paragraph separators", "one\u2028two\u2029three"],
  ["made of spaces of every kind", "\u00A0\u2003\u3000\u205F"],
];

/** Serializer envelopes that are not what the client sends, and input that is not JSON at all. */
function envelopeCases(base: Record<string, unknown>): BadInput[] {
  const envelope = (meta: unknown) => JSON.stringify({ json: base, meta });
  const field = Object.keys(base)[0] ?? "anything";
  const cases: BadInput[] = [
    { label: "malformed JSON", raw: "{not json" },
    { label: "JSON cut short", raw: '{"json":{"a":' },
    {
      label: "an envelope with an unknown type tag",
      raw: envelope({ values: { [field]: ["weird"] } }),
    },
    {
      label: "an envelope with an unknown custom type",
      raw: envelope({ values: { [field]: [["custom", "nope"]] } }),
    },
    {
      label: "an envelope with malformed referential equalities",
      raw: envelope({ referentialEqualities: { x: "y" } }),
    },
    {
      label: "an envelope whose type tag is not a list",
      raw: envelope({ values: { [field]: "bigint" } }),
    },
    {
      label: "an envelope that turns text into a bigint",
      raw: envelope({ values: { [field]: ["bigint"] } }),
    },
    {
      label: "an envelope that turns text into a pattern",
      raw: envelope({ values: { [field]: ["regexp"] } }),
    },
    {
      label: "an envelope that reaches for __proto__",
      raw: envelope({ values: { "__proto__.x": ["Date"] } }),
    },
    { label: "an envelope whose meta is a number", raw: envelope(5) },
    { label: "input nested ten thousand deep", raw: `${"[".repeat(10_000)}${"]".repeat(10_000)}` },
  ];
  // Some of these decode to an input a procedure happens to accept; none may fail or leak.
  return cases.map((c) => ({ ...c, mayPass: true }));
}

/** Odd request headers; the handler reads the user agent and forwarded address into audit events. */
function headerCases(base: Record<string, unknown>): BadInput[] {
  return [
    {
      label: "a 16 KB user agent",
      input: base,
      mayPass: true,
      headers: { "user-agent": "U".repeat(16_384) },
    },
    {
      label: "a user agent with Latin-1 bytes",
      input: base,
      mayPass: true,
      headers: { "user-agent": "Mozilla/5.0 (\u00e9\u00ff\u00c0)" },
    },
    {
      label: "a forwarded-for header that is not an address",
      input: base,
      mayPass: true,
      headers: { "x-forwarded-for": "not an address, ;; DROP TABLE, \u00ff" },
    },
    {
      label: "an empty forwarded-for header",
      input: base,
      mayPass: true,
      headers: { "x-forwarded-for": " , " },
    },
    {
      label: "a content type that is not JSON",
      input: base,
      mayPass: true,
      headers: { "content-type": "text/plain" },
    },
    {
      label: "a content type with a strange charset",
      input: base,
      mayPass: true,
      headers: { "content-type": "application/json; charset=utf-7" },
    },
  ];
}

function procedures(): ProcedureInfo[] {
  return Object.entries(appRouter._def.procedures).map(([path, procedure]) => {
    const def = (
      procedure as unknown as { _def: { type: "query" | "mutation"; inputs: z.ZodType[] } }
    )._def;
    // tRPC merges chained inputs; merge their JSON schemas the same way.
    const merged: JsonSchema = { type: "object", properties: {}, required: [] };
    for (const input of def.inputs) {
      let schema = z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as JsonSchema;
      if (!schema.properties && schema.anyOf)
        schema = schema.anyOf.find((s) => s.type === "object") ?? schema;
      Object.assign(merged.properties!, schema.properties ?? {});
      merged.required!.push(...(schema.required ?? []));
      if (schema.additionalProperties === false) merged.additionalProperties = false;
    }
    return { path, type: def.type, schema: merged };
  });
}

/** The non-null alternatives of a field (nullish fields are `anyOf [x, null]`), flattened. */
function variants(schema: JsonSchema): JsonSchema[] {
  if (schema.anyOf) return schema.anyOf.flatMap(variants).filter((s) => s.type !== "null");
  return [schema];
}

function validValue(field: string, schema: JsonSchema, organizationId: string): unknown {
  if (field === "organizationId") return organizationId;
  const [first] = variants(schema);
  if (!first) return null;
  if (first.enum) return first.enum[0];
  if (first.type === "integer" || first.type === "number") return first.minimum ?? 1;
  if (first.type === "boolean") return true;
  if (first.format === "email" || /email/i.test(field)) return "someone@tessera.test";
  if (first.minLength === 2 && first.maxLength === 2) return "DE";
  return "valid-value-123";
}

function badInputs(procedure: ProcedureInfo, organizationId: string): BadInput[] {
  const properties = procedure.schema.properties ?? {};
  const required = new Set(procedure.schema.required ?? []);
  const base: Record<string, unknown> = {};
  for (const field of required) base[field] = validValue(field, properties[field]!, organizationId);
  const withField = (field: string, value: unknown) => ({ ...base, [field]: value });

  const bad: BadInput[] = [
    { label: "a number instead of an object", input: 42 },
    { label: "a string instead of an object", input: "hello" },
    { label: "an array instead of an object", input: [1, 2, 3] },
    {
      label: "a huge array instead of an object",
      input: Array.from({ length: 20_000 }, (_, i) => i),
    },
  ];
  if (procedure.schema.additionalProperties === false) {
    bad.push({ label: "an unexpected key", input: { ...base, unexpected: "x".repeat(MEGABYTE) } });
  }
  if (required.size > 0) bad.push({ label: "null instead of an object", input: null });

  for (const [field, schema] of Object.entries(properties)) {
    const kinds = variants(schema);
    if (required.has(field)) {
      const { [field]: _dropped, ...rest } = base;
      bad.push({ label: `${field} missing`, input: rest, field });
    }
    const isString = kinds.some((k) => k.type === "string");
    const isNumber = kinds.some((k) => k.type === "integer" || k.type === "number");
    const isAny = kinds.some((k) => k.type === undefined && !k.enum && !k.anyOf);
    if (isString) {
      bad.push({ label: `${field} as a number`, input: withField(field, 12345), field });
      bad.push({
        label: `${field} as an object`,
        input: withField(field, { nested: true }),
        field,
      });
      const longest = Math.max(...kinds.map((k) => k.maxLength ?? 0));
      bad.push({
        label: `${field} over-long`,
        input: withField(field, "x".repeat(longest ? longest + 1 : 100_000)),
        field,
      });
      bad.push({
        label: `${field} with a NUL byte`,
        input: withField(field, "bad\u0000value"),
        field,
      });
      bad.push({
        label: `${field} with an unpaired high surrogate`,
        input: withField(field, "bad\uD800value"),
        field,
      });
      bad.push({
        label: `${field} with an unpaired low surrogate`,
        input: withField(field, "\uDC00bad"),
        field,
      });
      bad.push({
        label: `${field} with surrogates in the wrong order`,
        input: withField(field, "x\uDE00\uD83Dx"),
        field,
      });
      for (const [label, value] of ODD_TEXT) {
        bad.push({
          label: `${field} ${label}`,
          input: withField(field, value),
          field,
          mayPass: true,
        });
      }
    }
    if (kinds.some((k) => k.enum)) {
      bad.push({
        label: `${field} not one of its options`,
        input: withField(field, "NOT_AN_OPTION"),
        field,
      });
    }
    if (isNumber) {
      const limits = kinds.find((k) => k.type === "integer" || k.type === "number")!;
      bad.push({ label: `${field} as text`, input: withField(field, "twenty"), field });
      bad.push({ label: `${field} as a fraction`, input: withField(field, 1.5), field });
      if (limits.minimum !== undefined)
        bad.push({
          label: `${field} too small`,
          input: withField(field, limits.minimum - 1),
          field,
        });
      if (limits.maximum !== undefined)
        bad.push({
          label: `${field} too large`,
          input: withField(field, limits.maximum + 1),
          field,
        });
    }
    if (isAny) {
      // Dates (unrepresentable in JSON Schema): send things that are not dates.
      bad.push({ label: `${field} not a date`, input: withField(field, "not-a-date"), field });
      bad.push({
        label: `${field} an absurd date`,
        input: withField(field, new Date("+275000-01-01T00:00:00Z")),
        field,
      });
      bad.push({
        label: `${field} as an object`,
        input: withField(field, { nested: true }),
        field,
      });
    }
  }
  bad.push(...envelopeCases(base), ...headerCases(base));
  const stringFields = Object.entries(properties).filter(([, schema]) =>
    variants(schema).some((k) => k.type === "string"),
  );
  if (stringFields.length > 0) {
    const huge = Object.fromEntries(stringFields.map(([field]) => [field, "y".repeat(MEGABYTE)]));
    bad.push({ label: "every text field a megabyte long", input: { ...base, ...huge } });
  }
  return bad;
}

let lastInternalError: unknown = null;

/** Words of a parser's or serializer's own that reached the caller instead of a message of ours. */
/** zod's paths ("limits.0.units:") and its own English, which no one at a form should read. */
const ZOD_WORDS =
  /(^|\s)\w+(\.\w+)+:|Invalid (input|option)|expected \w+, received|Too (small|big):|Unrecognized key/;

const INTERNAL_TEXT =
  /is not a function|Cannot (read|convert|set)|Maximum call stack|Unknown transformation|deserialize|__proto__|RegExp|Unexpected (token|end)|JSON at position|is not valid JSON/;

async function send(procedure: ProcedureInfo, bad: BadInput, user: SessionUser): Promise<Response> {
  const encoded = bad.raw ?? JSON.stringify(superjson.serialize(bad.input));
  const url = new URL(`http://localhost/api/trpc/${procedure.path}`);
  const headers = { ...TEST_HEADERS, "content-type": "application/json", ...bad.headers };
  const init: RequestInit = { headers };
  if (procedure.type === "query") {
    url.searchParams.set("input", encoded);
  } else {
    init.method = "POST";
    init.body = encoded;
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url, init),
    router: appRouter,
    createContext: ({ req }) => createContext({ headers: req.headers, user }),
    onError: ({ error }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") lastInternalError = error.cause ?? error;
    },
  });
}

function isReadable(message: unknown): message is string {
  return (
    typeof message === "string" &&
    message.trim().length > 0 &&
    message.length <= 600 &&
    !/^\s*[[{]/.test(message) && // not a dump of raw issues
    !/\n\s+at /.test(message) // not a stack trace
  );
}

describe("malformed input", () => {
  const all = procedures();
  let user: SessionUser;
  let organizationId: string;

  beforeAll(async () => {
    // An owner who holds every platform role, so every procedure gets as far as parsing.
    const admin = await createTestUser({
      platformRoles: ["PLATFORM_ADMIN", "PROGRAM_ADMIN", "REVIEWER", "OPERATOR"],
    });
    organizationId = (await createTestOrganization(admin.id)).id;
    user = sessionUserOf(admin);
  });

  it("covers a non-empty list of procedures, each with bad inputs", () => {
    expect(all.length).toBeGreaterThan(10);
    for (const procedure of all)
      expect(badInputs(procedure, "org").length, procedure.path).toBeGreaterThan(0);
  });

  it("lets well-formed requests through the same path, so the refusals below are about the input", async () => {
    const byPath = new Map(all.map((p) => [p.path, p]));
    const me = await send(byPath.get("me.get")!, { label: "no input", input: undefined }, user);
    expect(me.status).toBe(200);
    const org = await send(
      byPath.get("organizations.get")!,
      { label: "valid", input: { organizationId } },
      user,
    );
    expect(org.status).toBe(200);
    const update = await send(
      byPath.get("organizations.update")!,
      { label: "valid", input: { organizationId, contactName: "Well Formed" } },
      user,
    );
    expect(update.status).toBe(200);
  });

  for (const procedure of all) {
    it(`${procedure.path} answers every bad input with a 4xx and a readable message`, async () => {
      const problems: string[] = [];
      const cases = badInputs(procedure, organizationId);
      for (const bad of cases) {
        lastInternalError = null;
        const response = await send(procedure, bad, user);
        const body = (await response.json()) as { error?: { json?: { message?: unknown } } };
        const message = body.error?.json?.message;
        if (response.status >= 500 || (!bad.mayPass && response.status < 400)) {
          const cause = lastInternalError instanceof Error ? ` (${lastInternalError.message})` : "";
          problems.push(`${bad.label}: HTTP ${response.status}${cause.slice(0, 200)}`);
        } else if (response.status < 400) {
          continue;
        } else if (!isReadable(message)) {
          problems.push(
            `${bad.label}: unreadable message ${JSON.stringify(message)?.slice(0, 200)}`,
          );
        } else if (ZOD_WORDS.test(message) || (bad.field && message.startsWith(`${bad.field}:`))) {
          problems.push(
            `${bad.label}: a zod path or zod's own words reached the caller: ${message}`,
          );
        } else if (
          INTERNAL_TEXT.test(message) &&
          message !== MALFORMED_ENVELOPE_MESSAGE &&
          message !== MALFORMED_JSON_MESSAGE
        ) {
          problems.push(`${bad.label}: an internal error text reached the caller: ${message}`);
        }
      }
      expect(problems, `${procedure.path} (${cases.length} bad inputs)`).toEqual([]);
    });
  }
});

describe("malformed quantities, over HTTP", () => {
  const mutation = (path: string): ProcedureInfo => ({ path, type: "mutation", schema: {} });
  const messageOf = async (response: Response) => {
    const body = (await response.json()) as { error?: { json?: { message?: string } } };
    return body.error?.json?.message;
  };

  it("refuses a requested quantity that is not a whole number of at least 1, naming the unit, and writes nothing", async () => {
    const gpu = await createTestResourceClass({ name: "NVIDIA H100 80 GB" });
    const tokens = await createTestResourceClass({ kind: "TOKENS", name: "Shared chat model" });
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant();
    const owner = sessionUserOf(applicant.owner);
    for (const [unitHours, lines, expected] of [
      [
        1.5,
        [gpu.id],
        "Line 1: Enter a whole number of GPU-hours for NVIDIA H100 80 GB, at least 1.",
      ],
      [0, [gpu.id], "Line 1: Enter a whole number of GPU-hours for NVIDIA H100 80 GB, at least 1."],
      [
        -3,
        [gpu.id],
        "Line 1: Enter a whole number of GPU-hours for NVIDIA H100 80 GB, at least 1.",
      ],
      [
        0.5,
        [gpu.id, tokens.id],
        "Line 2: Enter a whole number of millions of tokens for Shared chat model, at least 1.",
      ],
    ] as const) {
      const input = draftInput(
        applicant,
        programme,
        lines.map((resourceClassId, index) => ({
          resourceClassId,
          unitHours: index === lines.length - 1 ? unitHours : 10,
        })),
      );
      const response = await send(mutation("applications.create"), { label: "", input }, owner);
      expect(response.status, String(unitHours)).toBe(400);
      expect(await messageOf(response)).toBe(expected);
    }
    expect(await db.allocationRequest.count({ where: { organizationId: applicant.org.id } })).toBe(
      0,
    );
  });

  it("refuses a grant over the request or not whole with the maximum and the unit, and approves nothing", async () => {
    const gpu = await createTestResourceClass({ name: "NVIDIA H100 80 GB" });
    const programme = await createTestProgramme();
    const applicant = await createTestApplicant();
    const admin = await createProgrammeAdmin();
    const applicationId = await applicationUnderReview(admin, applicant, programme, [
      { resourceClassId: gpu.id, unitHours: 12_000 },
    ]);
    for (const [grantedUnitHours, expected] of [
      [12_001, "You can grant at most 12,000 GPU-hours of NVIDIA H100 80 GB, what was requested."],
      [
        2.5,
        "Enter a whole number of GPU-hours to grant for NVIDIA H100 80 GB, from 0 to the 12,000 GPU-hours requested.",
      ],
      [
        -1,
        "Enter a whole number of GPU-hours to grant for NVIDIA H100 80 GB, from 0 to the 12,000 GPU-hours requested.",
      ],
    ] as const) {
      const response = await send(
        mutation("applications.admin.approve"),
        {
          label: "",
          input: { applicationId, lines: [{ resourceClassId: gpu.id, grantedUnitHours }] },
        },
        sessionUserOf(admin),
      );
      expect(response.status, String(grantedUnitHours)).toBe(400);
      expect(await messageOf(response)).toBe(expected);
    }
    const application = await db.allocationRequest.findUniqueOrThrow({
      where: { id: applicationId },
    });
    expect(application.status).toBe("UNDER_REVIEW");
    expect(await db.allocation.count({ where: { requestId: applicationId } })).toBe(0);
  });
});
