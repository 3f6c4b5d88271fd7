import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Breadcrumbs } from "./breadcrumbs";

/** A name with no break in it, as a job may be named: its crumb must wrap inside the trail. */
const UNBROKEN = "X".repeat(120);

describe("the breadcrumb trail", () => {
  it("wraps a long unbroken crumb, linked or current, and lets its item shrink", () => {
    const html = renderToStaticMarkup(
      createElement(Breadcrumbs, {
        items: [{ label: `a${UNBROKEN}`, href: "/somewhere" }, { label: `b${UNBROKEN}` }],
      }),
    );
    const items = [...html.matchAll(/<li class="([^"]*)"/g)].map((match) => match[1]!.split(" "));
    expect(items).toHaveLength(2);
    for (const classes of items) {
      expect(classes).toContain("wrap-anywhere");
      expect(classes).toContain("min-w-0");
    }
    for (const label of [`a${UNBROKEN}`, `b${UNBROKEN}`]) {
      const around = new RegExp(`<(a|span)[^>]*class="([^"]*)"[^>]*>${label}</\\1>`).exec(html);
      expect(around?.[2]?.split(" ")).toContain("min-w-0");
    }
  });
});
