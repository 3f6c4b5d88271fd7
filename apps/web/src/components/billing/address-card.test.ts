import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { AddressCard } from "./address-card";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));
vi.mock("@/trpc/react", () => ({
  useTRPC: () => ({
    billing: { setAddress: { mutationOptions: (options: object) => ({ ...options }) } },
  }),
}));

function render(props: { address: string | null; canChange: boolean }) {
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(AddressCard, { organizationId: "org", country: "BE", ...props }),
    ),
  );
}

/**
 * What the page shows and announces: its text, tags dropped, with the accessible names it gives
 * (aria-label) kept; a closed dialog (the removal's question) shows nothing until it opens.
 */
const textOf = (html: string) => {
  // Closed: no `open` attribute (a class such as "open:flex" is not one).
  const shown = html.replace(/<dialog(?![^>]*\sopen(?:=""|[\s>]))[^>]*>.*?<\/dialog>/gs, "");
  const names = [...shown.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
  return `${shown.replace(/<[^>]+>/g, " ")} ${names.join(" ")}`;
};

const times = (text: string, phrase: string) =>
  text.toLowerCase().split(phrase.toLowerCase()).length - 1;

describe("the postal address on Billing details", () => {
  it.each([
    ["none on file", null],
    ["one on file", "Rue de la Loi 16\n1000 Brussels"],
  ])("names it once, by its heading, and still labels the field (%s)", (_, address) => {
    const html = render({ address, canChange: true });
    expect(html).toMatch(/<h2[^>]*>Postal address<\/h2>/);
    expect(times(textOf(html), "postal address")).toBe(1);
    const label = /<label[^>]*for="billing-address"[^>]*>(.*?)<\/label>/.exec(html)?.[1];
    expect(label?.replace(/<[^>]+>/g, "").trim()).toBe("Street, postcode and city");
    expect(html).toMatch(/<textarea[^>]*id="billing-address"/);
  });

  it("names it once for those who may only read it", () => {
    const text = textOf(render({ address: null, canChange: false }));
    expect(times(text, "postal address")).toBe(1);
    expect(text).toContain("None on file.");
  });
});
