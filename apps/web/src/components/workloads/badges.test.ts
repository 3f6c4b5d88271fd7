import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StatusReason } from "./badges";

/** The reason's text as a person reads it (tags dropped, quotes decoded). */
function reasonText(brief: boolean): string {
  const html = renderToStaticMarkup(
    createElement(StatusReason, {
      status: "FAILED",
      reason: "FAILED",
      cancelRequested: false,
      brief,
    }),
  );
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");
}

describe("a failed job's reason", () => {
  it("points below on the job's own page, where its exit code and output are", () => {
    const text = reasonText(false);
    expect(text).toContain("the script ended with an error; its exit code and output are below");
    expect(text).not.toContain("on the job's page");
    expect(text).toContain("(the scheduler says “FAILED”)");
  });

  it("points to the job's page in the list", () => {
    expect(reasonText(true)).toContain(
      "the script ended with an error; its exit code and output are on the job's page",
    );
  });
});
