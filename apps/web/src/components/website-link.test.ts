import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { t } from "@/i18n";
import { WebsiteLink, websiteHref } from "./website-link";

const render = (website: string | null) =>
  renderToStaticMarkup(createElement(WebsiteLink, { website }));

describe("an organisation's website", () => {
  it("is a link that shares no opener or referrer with the site", () => {
    expect(render("https://northbridge.example/ai-lab")).toBe(
      '<a href="https://northbridge.example/ai-lab" class="break-all text-link underline" rel="noopener noreferrer">https://northbridge.example/ai-lab</a>',
    );
    expect(websiteHref("http://lab.example")).toBe("http://lab.example/");
  });

  it("is plain text, never a link, when it is not an http or https address", () => {
    for (const website of [
      "javascript:alert(1)",
      "data:text/html,hi",
      "ftp://lab.example",
      "lab.example",
    ]) {
      expect(websiteHref(website)).toBeNull();
      expect(render(website)).not.toContain("<a");
    }
  });

  it("says it is not set when there is none", () => {
    expect(render(null)).toBe(t.common.notSet);
  });
});
