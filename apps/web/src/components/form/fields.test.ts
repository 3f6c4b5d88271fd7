import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InputField, SelectField } from "./fields";

/** The attributes of the first element of `tag` in the markup, by name. */
function attributesOf(html: string, tag: string): Record<string, string> {
  const element = new RegExp(`<${tag}\\b([^>]*)>`).exec(html)?.[1] ?? "";
  return Object.fromEntries(
    [...element.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!]),
  );
}

/** The text of the element whose id is `id` (tags inside it dropped). */
function textOf(html: string, id: string): string | undefined {
  const match = new RegExp(`<(\\w+)[^>]*id="${id}"[^>]*>(.*?)</\\1>`).exec(html);
  return match?.[2]?.replace(/<[^>]+>/g, "");
}

describe("a labelled field", () => {
  it("binds its label to the control and describes the control by its hint", () => {
    const html = renderToStaticMarkup(
      createElement(InputField, {
        id: "filter-organisation",
        name: "organization",
        label: "Organisation",
        hint: "Part of its name",
        defaultValue: "north",
      }),
    );
    expect(attributesOf(html, "label").for).toBe("filter-organisation");
    const input = attributesOf(html, "input");
    expect(input).toMatchObject({
      id: "filter-organisation",
      name: "organization",
      value: "north",
      "aria-describedby": "filter-organisation-hint",
    });
    expect(input["aria-invalid"]).toBeUndefined();
    expect(textOf(html, "filter-organisation-hint")).toBe("Part of its name");
    expect(html).not.toContain("filter-organisation-error");
  });

  it("with an error, names it in the control's description and marks the control invalid", () => {
    const html = renderToStaticMarkup(
      createElement(InputField, {
        id: "filter-to",
        name: "to",
        type: "date",
        label: "To date",
        error: "To date must be on or after the from date (2026-02-01). Change one of them.",
      }),
    );
    const input = attributesOf(html, "input");
    expect(input).toMatchObject({
      id: "filter-to",
      type: "date",
      "aria-describedby": "filter-to-error",
      "aria-invalid": "true",
    });
    // Read with the locale's word for an error first.
    expect(textOf(html, "filter-to-error")).toBe(
      "Error: To date must be on or after the from date (2026-02-01). Change one of them.",
    );
  });

  it("wires a select the same way, its options as children", () => {
    const html = renderToStaticMarkup(
      createElement(
        SelectField,
        { id: "filter-action", name: "action", label: "Action", error: "Choose an action." },
        createElement("option", { value: "" }, "All actions"),
      ),
    );
    expect(attributesOf(html, "label").for).toBe("filter-action");
    expect(attributesOf(html, "select")).toMatchObject({
      id: "filter-action",
      name: "action",
      "aria-describedby": "filter-action-error",
      "aria-invalid": "true",
    });
    expect(html).toContain('<option value="">All actions</option>');
  });
});
