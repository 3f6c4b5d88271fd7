import { describe, expect, it } from "vitest";
import { quotaShortfallMessage } from "@tessera/core/words";
import { tw } from "@/i18n";
import { formatQuota } from "@/components/workloads/format";
import { deployHoldText } from "./deploy-hold-text";

const HOUR = 3_600;

describe("the deploy form's hold sentence", () => {
  it("says what remains on the line after the deploy's hold, as the job form says it after a job", () => {
    const remaining = 581_335; // 161.482 GPU-hours, to the thousandth
    const { fits, text } = deployHoldText(4 * HOUR, remaining, "GPU");
    expect(fits).toBe(true);
    expect(text).toBe(
      "Deploying holds 4 GPU-hours for the first hour; 157.482 GPU-hours remain after it.",
    );
    // The same remainder the job form would name for the same hold.
    const job = tw.preview.holds(
      formatQuota(4 * HOUR, "GPU"),
      formatQuota(remaining - 4 * HOUR, "GPU"),
    );
    expect(job.split("; ")[1]).toBe(text.split("; ")[1]);
  });

  it("says a hold that uses the line up exactly leaves none", () => {
    expect(deployHoldText(2 * HOUR, 2 * HOUR, "GPU").text).toMatch(
      /; 0 GPU-hours remain after it\.$/,
    );
  });

  it("says a hold the line cannot cover in the deploy's own refusal, never a negative remainder", () => {
    const { fits, text } = deployHoldText(4 * HOUR, HOUR, "GPU");
    expect(fits).toBe(false);
    expect(text).toBe(quotaShortfallMessage(4 * HOUR, HOUR, "GPU"));
  });
});
