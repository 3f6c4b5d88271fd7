import { describe, expect, it } from "vitest";
import { nextStepsFor, type NextStepFacts } from "./next-steps";

const verifiedOwner: NextStepFacts = {
  status: "VERIFIED",
  role: "OWNER",
  memberCount: 3,
  projectCount: 1,
  openApplications: 0,
  jobs: { running: 0, pending: 0 },
  quotaLeft: true,
  tokensLeft: false,
  apiKeys: 0,
  endpoints: { live: 0, sharedFailing: 0 },
};

describe("nextStepsFor", () => {
  it("asks an unverified organisation only to wait", () => {
    expect(nextStepsFor({ ...verifiedOwner, status: "PENDING" })).toEqual(["AWAIT_VERIFICATION"]);
  });

  it("asks a rejected organisation's manager to fix the details, and a viewer nothing", () => {
    expect(nextStepsFor({ ...verifiedOwner, status: "REJECTED" })).toEqual(["FIX_DETAILS"]);
    expect(nextStepsFor({ ...verifiedOwner, status: "REJECTED", role: "VIEWER" })).toEqual([]);
  });

  it("says apply when there is no quota left and no application open", () => {
    expect(nextStepsFor({ ...verifiedOwner, quotaLeft: false })).toEqual(["APPLY"]);
    expect(nextStepsFor({ ...verifiedOwner, quotaLeft: false, openApplications: 1 })).toEqual([]);
  });

  it("says submit when there is quota and nothing runs, not while jobs run", () => {
    expect(nextStepsFor(verifiedOwner)).toEqual(["SUBMIT_JOB"]);
    expect(nextStepsFor({ ...verifiedOwner, jobs: { running: 1, pending: 0 } })).toEqual([]);
    expect(nextStepsFor({ ...verifiedOwner, role: "VIEWER" })).toEqual([]);
  });

  it("does not ask an organisation whose compute serves endpoints to submit a job", () => {
    // The platform's own organisation: its compute runs the shared model endpoints.
    const platform = { ...verifiedOwner, endpoints: { live: 2, sharedFailing: 0 } };
    expect(nextStepsFor(platform)).toEqual([]);
    expect(nextStepsFor({ ...platform, endpoints: { live: 2, sharedFailing: 1 } })).toEqual([
      "FIX_SHARED_ENDPOINT",
    ]);
    // Told first, and only to those who may change endpoints.
    expect(
      nextStepsFor({ ...platform, memberCount: 1, endpoints: { live: 1, sharedFailing: 1 } }),
    ).toEqual(["FIX_SHARED_ENDPOINT", "INVITE"]);
    expect(
      nextStepsFor({ ...platform, role: "VIEWER", endpoints: { live: 2, sharedFailing: 1 } }),
    ).toEqual([]);
  });

  it("asks an organisation holding tokens of the shared models for an API key to call them", () => {
    const tokens = { ...verifiedOwner, quotaLeft: false, tokensLeft: true, openApplications: 1 };
    expect(nextStepsFor(tokens)).toEqual(["CREATE_API_KEY"]);
    expect(nextStepsFor({ ...tokens, apiKeys: 1 })).toEqual([]);
    expect(nextStepsFor({ ...tokens, role: "VIEWER" })).toEqual([]);
  });

  it("asks for a project first and colleagues when alone", () => {
    expect(nextStepsFor({ ...verifiedOwner, projectCount: 0, memberCount: 1 })).toEqual([
      "CREATE_PROJECT",
      "INVITE",
    ]);
  });
});
