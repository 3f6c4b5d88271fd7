import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PageHeader } from "@tessera/ui";
import { ApplicationTextCards } from "./application-cards";
import { ReviewsSideBySide } from "./reviews-side-by-side";
import type { ApplicationForAdmin } from "./types";

/** A word with no break in it, as pasted links and identifiers are: it must wrap inside its box. */
const UNBROKEN = "x".repeat(300);
const WRAPS = "[overflow-wrap:anywhere]";

/** The class list of the element whose text is exactly `text`. */
function classesAround(html: string, text: string): string {
  const match = new RegExp(`<(\\w+)[^>]*class="([^"]*)"[^>]*>\\s*${text}\\s*</\\1>`).exec(html);
  return match?.[2] ?? "";
}

describe("long unbroken text on the administrator's application page", () => {
  it("wraps the title in the page header", () => {
    const html = renderToStaticMarkup(createElement(PageHeader, { title: UNBROKEN }));
    expect(classesAround(html, UNBROKEN)).toContain(WRAPS);
  });

  it("wraps the abstract and the justification", () => {
    const html = renderToStaticMarkup(
      createElement(ApplicationTextCards, {
        application: {
          currency: "EUR",
          lines: [],
          pricing: {} as never,
          abstract: `a${UNBROKEN}`,
          justification: `j${UNBROKEN}`,
        },
      }),
    );
    expect(classesAround(html, `a${UNBROKEN}`)).toContain(WRAPS);
    expect(classesAround(html, `j${UNBROKEN}`)).toContain(WRAPS);
  });

  it("wraps a reviewer's comment and a conflict's reason", () => {
    const review = {
      id: "r1",
      reviewer: { id: "u1", name: "Rui", email: "rui@example.org" },
      score: 4,
      comment: `c${UNBROKEN}`,
      scoredAt: new Date("2026-03-01T10:00:00Z"),
      conflictDeclaredAt: null,
      conflictReason: null,
    };
    const application = {
      reviews: [
        review,
        {
          ...review,
          id: "r2",
          reviewer: { id: "u2", name: "Sofia", email: "sofia@example.org" },
          score: null,
          comment: null,
          scoredAt: null,
          conflictDeclaredAt: new Date("2026-03-01T10:00:00Z"),
          conflictReason: `r${UNBROKEN}`,
        },
      ],
      reviewSummary: {
        assigned: 2,
        scored: 1,
        conflicts: 1,
        expected: 1,
        open: 0,
        closed: 0,
        meanScore: 4,
      },
    } as unknown as ApplicationForAdmin;
    const html = renderToStaticMarkup(createElement(ReviewsSideBySide, { application }));
    const cards = [...html.matchAll(/<li class="([^"]*)"[^>]*>/g)].map((m) => m[1]);
    expect(cards).toHaveLength(2);
    for (const card of cards) expect(card).toContain(WRAPS);
    expect(html).toContain(`c${UNBROKEN}`);
    expect(html).toContain(`r${UNBROKEN}`);
  });
});
