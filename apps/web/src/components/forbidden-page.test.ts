import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { t } from "@/i18n";
import { ForbiddenPage } from "./forbidden-page";

const crumbs = [
  { label: "Dashboard", href: "/dashboard" },
  { label: "Catalogue", href: "/operator/catalogue" },
];

const headings = (html: string) => [...html.matchAll(/<h1[^>]*>(.*?)<\/h1>/g)].map((m) => m[1]);

describe("a page that refuses", () => {
  it("has one first-level heading: its title when it has one", () => {
    const html = renderToStaticMarkup(createElement(ForbiddenPage, { crumbs, title: "Models" }));
    expect(headings(html)).toEqual(["Models"]);
    expect(html).toContain(t.errors.forbiddenTitle);
  });

  it("has one even without a title: where it sits", () => {
    expect(headings(renderToStaticMarkup(createElement(ForbiddenPage, { crumbs })))).toEqual([
      "Catalogue",
    ]);
    expect(headings(renderToStaticMarkup(createElement(ForbiddenPage, { crumbs: [] })))).toEqual([
      t.errors.forbiddenTitle,
    ]);
  });

  it("says what was not valid in the address, with a way back", () => {
    const html = renderToStaticMarkup(
      createElement(ForbiddenPage, { crumbs, invalid: "From must be a date.", resetHref: "/x" }),
    );
    expect(headings(html)).toEqual(["Catalogue"]);
    expect(html).toContain("From must be a date.");
    expect(html).toContain('href="/x"');
  });
});
