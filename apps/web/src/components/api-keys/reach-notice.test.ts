import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { tk } from "@/i18n";
import { ReachNotice } from "./reach-notice";
import type { KeyReachView } from "./types";

const GB = { kind: "IN", place: "GB" } as const;

/** The notice on a key's row, for a member who may deploy endpoints, as text and its links. */
function notice(reach: KeyReachView) {
  const html = renderToStaticMarkup(
    createElement(ReachNotice, {
      reach,
      of: "key",
      organizationId: "org1",
      projectId: "project1",
      canDeploy: true,
    }),
  );
  const unescape = (markup: string) => markup.replaceAll("&#x27;", "'");
  const links = [...html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((match) => unescape(match[1]!));
  return { text: unescape(html.replace(/<[^>]+>/g, "")), links };
}

describe("what a key that reaches nothing is told", () => {
  it("a key limited to endpoints that no longer run: its limits are why, and no deploy is offered", () => {
    const { text, links } = notice({
      example: null,
      blocked: "SCOPE",
      place: { kind: "ANYWHERE" },
      remedy: "NEW_KEY",
    });
    expect(text).toBe(tk.reach.scope);
    expect(text).toContain("Create a new key");
    expect(text).not.toMatch(/until .* deployed/);
    expect(links).toEqual([]);
  });

  it("a key limited to endpoints where its project's data may not go: a new key, not a deploy", () => {
    const { text, links } = notice({
      example: null,
      blocked: "PLACE",
      place: GB,
      remedy: "NEW_KEY",
    });
    expect(text).toBe(tk.reach.scopePlace("GB"));
    expect(text).not.toMatch(/until|operators/);
    expect(links).toEqual([]);
  });

  it("a key limited to models: an endpoint of one of them, where its data may go, would help", () => {
    const { text, links } = notice({
      example: null,
      blocked: "MODELS",
      place: GB,
      remedy: "DEPLOY",
    });
    expect(text).toBe(`${tk.reach.models("GB")} ${tk.reach.deploy}`);
    expect(text).toContain("an endpoint of one of them is deployed on a cluster in GB");
    expect(links).toEqual([tk.reach.deploy]);
  });

  it("an open key: deploy an endpoint, or ask the operators when no cluster is where its data may go", () => {
    const none = { example: null, blocked: "NONE", place: GB } as const;
    expect(notice({ ...none, remedy: "DEPLOY" })).toEqual({
      text: `${tk.reach.none} ${tk.reach.deploy}`,
      links: [tk.reach.deploy],
    });
    expect(notice({ ...none, remedy: "ASK_OPERATORS" })).toEqual({
      text: `${tk.reach.noCluster("GB")} ${tk.reach.askOperators}`,
      links: [tk.reach.askOperators],
    });
  });
});
