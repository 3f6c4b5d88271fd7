import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { serverEnv } from "@tessera/config";
import AccessibilityPage from "@/app/accessibility/page";
import HelpPage from "@/app/help/page";
import PrivacyPage from "@/app/privacy/page";
import { Footer } from "./footer";

const render = (component: FunctionComponent) => renderToStaticMarkup(createElement(component));
const headings = (html: string) => [...html.matchAll(/<h1[^>]*>(.*?)<\/h1>/g)].map((m) => m[1]);
/** The page's words without its markup, so that a sentence can be found whole. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("the site footer", () => {
  it("is a footer landmark with a named list of the three public pages", () => {
    const html = render(Footer);
    expect(html).toMatch(/^<footer[^>]*>/);
    expect(html).toContain('<nav aria-label="About this service">');
    const links = [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(links).toEqual([
      ["/accessibility", "Accessibility statement"],
      ["/privacy", "Privacy notice"],
      ["/help", "Contact and help"],
    ]);
  });
});

describe("the footer's pages", () => {
  const email = serverEnv().CONTACT_EMAIL;

  it("each have one first-level heading and the address to write to", () => {
    for (const [page, title] of [
      [AccessibilityPage, "Accessibility statement"],
      [PrivacyPage, "Privacy notice"],
      [HelpPage, "Contact and help"],
    ] as const) {
      const html = render(page);
      expect(headings(html)).toEqual([title]);
      expect(html).toContain(`<a href="mailto:${email}"`);
    }
  });

  it("the accessibility statement gives the conformance status, how it is tested, limits and enforcement", () => {
    const text = words(render(AccessibilityPage));
    expect(text).toContain(
      "Tessera is partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.1, level AA.",
    );
    expect(text).toContain(
      "check every page they visit with axe against the WCAG 2.1 A and AA rules",
    );
    expect(text).toContain("Known limitations");
    expect(text).toContain("Enforcement procedure");
    expect(text).toContain("complain to the body that enforces");
  });

  it("the privacy notice says what is kept, that keys' secrets and prompts never are, and for how long", () => {
    const text = words(render(PrivacyPage));
    for (const kept of ["name and email address", "organisations you belong to", "audit events"]) {
      expect(text).toContain(kept);
    }
    expect(text).toContain("never stores an API key's secret");
    expect(text).toContain("never stores the prompts you send");
    expect(text).toContain("How long we keep it");
  });
});
