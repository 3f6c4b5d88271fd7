import { describe, expect, it } from "vitest";
import { checkHealth, healthStatusCode } from "./health";

const answers = () => Promise.resolve("PONG");
const refuses = () => Promise.reject(new Error("connect ECONNREFUSED"));
const hangs = () => new Promise<never>(() => undefined);

describe("checkHealth", () => {
  it("is ok with 200 only when both dependencies answer", async () => {
    const report = await checkHealth({ postgres: answers, redis: answers }, true);
    expect(report).toEqual({ status: "ok", postgres: "up", redis: "up" });
    expect(healthStatusCode(report)).toBe(200);
  });

  it("reports the dependency that refuses and answers 503", async () => {
    const report = await checkHealth({ postgres: answers, redis: refuses }, true);
    expect(report).toEqual({ status: "unavailable", postgres: "up", redis: "down" });
    expect(healthStatusCode(report)).toBe(503);
  });

  it("is not healthy before the queue consumer runs, even with both dependencies up", async () => {
    const report = await checkHealth({ postgres: answers, redis: answers }, false);
    expect(report).toEqual({ status: "starting", postgres: "up", redis: "up" });
    expect(healthStatusCode(report)).toBe(503);
  });

  it("counts a dependency that never answers as down", async () => {
    const report = await checkHealth({ postgres: hangs, redis: answers }, true, 5);
    expect(report).toEqual({ status: "unavailable", postgres: "down", redis: "up" });
  });
});
