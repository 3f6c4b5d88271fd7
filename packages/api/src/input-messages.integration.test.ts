/**
 * Refused input reaches the person at the form as plain sentences: no zod path ("lines.1.unitHours"),
 * no internal field name, none of zod's own English, both from a server-side caller and over HTTP
 * (the message and the per-field messages the web form shows beside its fields).
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { createContext } from "./context";
import { closeRateLimiter } from "./rate-limit";
import { appRouter } from "./root";
import { callerFor, createTestUser, failureOf, sessionUserOf, TEST_HEADERS } from "./test-helpers";

afterAll(closeRateLimiter);

const ZOD_WORDS = /\w+\.\d+\.\w+|unitHours|resourceClassId|Invalid input|expected \w+, received/;

const badQuote = {
  programmeId: "programme-1",
  lines: [
    { resourceClassId: "gpu-a100", unitHours: 100 },
    { resourceClassId: "gpu-h100", unitHours: "forty" },
  ],
};

describe("refused input", () => {
  it("is told in plain sentences to a server-side caller", async () => {
    const user = await createTestUser();
    const failure = await failureOf(
      // The wrong type on purpose, as a hand-made request would send it.
      callerFor(user).applications.quote(badQuote as never),
    );
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.message).toBe("Line 2: The requested quantity must be a number.");
  });

  it("is told in plain sentences over HTTP, beside the field the form shows", async () => {
    const user = await createTestUser();
    const url = new URL("http://localhost/api/trpc/applications.quote");
    url.searchParams.set("input", JSON.stringify(superjson.serialize(badQuote)));
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(url, { headers: TEST_HEADERS }),
      router: appRouter,
      createContext: ({ req }) =>
        createContext({ headers: req.headers, user: sessionUserOf(user) }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { json: { message: string; data: { fieldErrors: Record<string, string[]> } } };
    };
    expect(body.error.json.message).toBe("Line 2: The requested quantity must be a number.");
    expect(body.error.json.data.fieldErrors).toEqual({
      lines: ["Line 2: The requested quantity must be a number."],
    });
    expect(JSON.stringify(body)).not.toMatch(ZOD_WORDS);
  });
});
