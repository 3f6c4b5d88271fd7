/** A titled part of a public page: paragraphs, then an optional list. */
export interface PublicSection {
  heading: string;
  paragraphs: readonly string[];
  list?: readonly string[];
}

/** The site footer and the public pages it links to: accessibility, privacy, contact and help. */
export const enPublic = {
  footer: {
    navLabel: "About this service",
    accessibility: "Accessibility statement",
    privacy: "Privacy notice",
    help: "Contact and help",
    operatedBy: "Tessera — the portal of the National AI Compute Platform.",
  },
  writeTo: "Email",
  lastReviewed: "Last reviewed: December 2026.",
  accessibility: {
    title: "Accessibility statement",
    lead: "This statement covers the Tessera portal. We want everyone who needs compute from the platform to be able to use it, whatever device or assistive technology they use.",
    sections: [
      {
        heading: "What you should be able to do",
        paragraphs: [
          "You should be able to use every page of Tessera with a keyboard alone, with a screen reader, with text zoomed to 200%, and on a screen 360 pixels wide without the page scrolling sideways. You can choose a light or a dark colour theme, or follow your device's setting.",
        ],
      },
      {
        heading: "How accessible Tessera is",
        paragraphs: [
          "Tessera is partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.1, level AA. It is not fully compliant because of the known limitations listed below, and because no full audit by people using assistive technology has been done yet.",
          "How we check: the automated end-to-end tests open each page the way a researcher, a founder, a reviewer, a programme administrator and a platform operator would, and check every page they visit with axe against the WCAG 2.1 A and AA rules. Pages are checked in the light and dark themes, at 1280 pixels and at 360 pixels wide. A change that adds a serious or critical problem fails the tests. Automated checks find only some problems, so please tell us about anything that stops you.",
        ],
      },
      {
        heading: "Known limitations",
        paragraphs: ["We know about these problems and are working on them:"],
        list: [
          "Wide tables scroll sideways on small screens. Each one says so above the table, and you can move into it with the Tab key and scroll it with the arrow keys.",
          "Charts can be hard to read at small sizes. The same figures are always given in a table next to the chart.",
          "Invoice PDFs are not tagged for screen readers. The same invoice is available as a web page and as a CSV file.",
          "Tessera is only available in English for now.",
        ],
      },
      {
        heading: "What to do if you cannot use part of Tessera",
        paragraphs: [
          "Write to us and tell us the address of the page, what you were trying to do, and which device, browser or assistive technology you use. We will reply, tell you when we expect to fix the problem, and help you get what you need in another way in the meantime.",
        ],
      },
      {
        heading: "Enforcement procedure",
        paragraphs: [
          "If you are not happy with how we answer your report, you can complain to the body that enforces the public sector web accessibility rules in your country.",
        ],
      },
    ],
  },
  privacy: {
    title: "Privacy notice",
    lead: "This notice explains what personal data the Tessera portal keeps about you, why, for how long, and who to contact about it. The platform's operator is responsible for this data.",
    sections: [
      {
        heading: "What we keep",
        paragraphs: ["When you use Tessera, it keeps:"],
        list: [
          "your name and email address, as the national identity service gives them when you sign in;",
          "the organisations you belong to and your role in each, and invitations sent to your email address;",
          "the applications, reviews and other records you write in the portal, with your name on them;",
          "audit events: what you changed, when, and the IP address and browser it came from;",
          "for each API key: its name, the first characters that identify it, its project, who created it, its limits, its expiry and when it was last used.",
        ],
      },
      {
        heading: "What we never keep",
        paragraphs: [
          "Tessera never stores an API key's secret: it keeps only a one-way hash, which cannot be turned back into the key. It never stores the prompts you send to a model or the answers it returns: the gateway counts the tokens of each call for billing, and nothing else about its content.",
        ],
      },
      {
        heading: "Why we keep it",
        paragraphs: [
          "We use this data to sign you in and show you only what your roles allow, to run subsidy programmes fairly, to bill each organisation correctly for the compute it uses, and to keep the platform secure. The audit log lets us and the programme's auditors prove who did what with public funds.",
        ],
      },
      {
        heading: "How long we keep it",
        list: [
          "Your account, name and email address: for as long as you have an account.",
          "Memberships: until you leave the organisation or are removed from it.",
          "API key details: for as long as the organisation that owns the key exists, including after the key is revoked, so that past usage can still be accounted for.",
          "Audit events, invoices and the records behind them: for as long as the platform has to account for public funds. Audit events are never changed or deleted one by one, because the log must show that nothing was altered.",
        ],
        paragraphs: [],
      },
      {
        heading: "Cookies",
        paragraphs: [
          "Tessera sets only the cookies it needs: those that sign you in and keep you signed in, and one that remembers your colour theme. It uses no advertising or tracking cookies.",
        ],
      },
      {
        heading: "Your rights and who to contact",
        paragraphs: [
          "You can ask for a copy of your personal data, ask us to correct it, or ask us to delete what the law does not require us to keep. Write to us at the address below. If you are not happy with our answer, you can complain to the data protection authority of your country.",
        ],
      },
    ],
  },
  help: {
    title: "Contact and help",
    lead: "How to get help with Tessera.",
    sections: [
      {
        heading: "Help with your organisation, applications or compute",
        paragraphs: [
          "Write to the platform team. Say which organisation you are asking about, and include the address of the page, a job or endpoint name, or an invoice number if your question is about one.",
        ],
      },
      {
        heading: "Signing in",
        paragraphs: [
          "You sign in with the national identity service; Tessera has no password of its own. If you cannot sign in, check with your identity service first, then write to us.",
        ],
      },
      {
        heading: "Accessibility and privacy",
        paragraphs: [
          "To report an accessibility problem or ask about your personal data, use the same address. The accessibility statement and the privacy notice say what we will do.",
        ],
      },
    ],
  },
} as const;

export type PublicMessages = typeof enPublic;
