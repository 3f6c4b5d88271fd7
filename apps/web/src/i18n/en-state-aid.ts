/**
 * Strings of the state-aid (de minimis) pages and panels, in British English. `StateAidMessages`
 * makes the compiler insist that a new locale is complete.
 */
const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

/** Names as an English list: "A", "A and B", "A, B and C". */
const names = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

export const enStateAid = {
  nav: { stateAid: "State aid" },
  /** State-aid days are calendar days in Brussels (Europe/Brussels), not UTC days. */
  zone: "Brussels time",
  kind: { AWARD: "Award", DECLARED: "Declared" },
  standing: {
    title: "State aid (de minimis)",
    notUndertaking: (name: string) =>
      `${name} is not an undertaking: an academic institution or public body that does not act economically. Its awards are not de minimis aid and are not booked.`,
    undertaking: (name: string) =>
      `${name} is an undertaking: its awards are de minimis aid, booked at their gross grant equivalent (the programme's share) on the award date.`,
    /** The organisation's undertaking group and the group's other organisations on Tessera. */
    group: (group: string, others: readonly string[]) =>
      others.length === 0
        ? `It belongs to the undertaking group ${group}, which has no other organisation on Tessera.`
        : `It counts as one undertaking with the ${others.length === 1 ? "other organisation" : `${others.length} other organisations`} of its group, ${group}: ${names.format(others)}.`,
    window: (from: string, to: string, zone: string) =>
      `In the three years from ${from} to ${to} (${zone}):`,
    awarded: "Awarded through Tessera",
    declared: "Other aid declared",
    received: "Received in total",
    thisAward: "This award (programme's share)",
    thisAwardEntered: "This award as entered to grant (programme's share)",
    thisAwardRequested: "This award if granted as requested (programme's share)",
    followsGrant:
      "The figures with this award follow the amounts entered to grant under “Decision”.",
    waitsForGrant:
      "The figures with this award appear once the amounts entered to grant under “Decision” are valid.",
    asRequested: "The figures with this award are for the request as made.",
    afterAward: "Total with this award",
    ceiling: "Ceiling",
    remaining: "Left before the ceiling",
    bar: (received: string, award: string, ceiling: string) =>
      `${received} received and ${award} for this award, of the ${ceiling} ceiling`,
    barReceived: (received: string, ceiling: string) =>
      `${received} received of the ${ceiling} ceiling`,
    over: (over: string) =>
      `This award would take the undertaking ${over} above the ceiling: approving it as it stands will be refused. Grant less, or reject it.`,
    booked: (award: string, day: string, total: string, ceiling: string) =>
      `Booked ${award} on ${day}; the undertaking's three-year total was then ${total} of the ${ceiling} ceiling.`,
    declaredTitle: "Other de minimis aid declared with this application",
    noneDeclared: "The applicant declared no other de minimis aid.",
    grantor: "Grantor",
    amount: "Amount",
    grantedOn: "Date granted",
    declaredCaption: "Other de minimis aid declared by the applicant",
    ledgerLink: "Open the state-aid ledger",
    preview: (total: string, ceiling: string, left: string) =>
      `De minimis: ${total} of the ${ceiling} ceiling with this award (${left} left).`,
    previewOver: (total: string, ceiling: string) =>
      `De minimis: ${total} with this award — above the ${ceiling} ceiling; the approval will be refused.`,
  },
  declaration: {
    legend: "Other de minimis aid",
    lead: "As an undertaking, your organisation's awards are de minimis aid, which is limited over any three years for it and the organisations linked to it together. Declare any other de minimis aid they received in the last three years from other public bodies (awards from Tessera's programmes are counted already).",
    question:
      "Has your organisation, or an organisation linked to it, received other de minimis aid in the last three years?",
    none: "No other de minimis aid",
    some: "Yes — I list it below",
    grantor: (n: number) => `Grantor of aid ${n}`,
    grantorHint: "The public body that granted it.",
    amount: (n: number) => `Amount of aid ${n} (€)`,
    amountHint: "Its gross grant equivalent in euros, as the grantor stated it.",
    grantedOn: (n: number) => `Date aid ${n} was granted`,
    add: "Add other aid",
    remove: (n: number) => `Remove aid ${n}`,
    required: {
      choose: "Say whether your organisation received other de minimis aid.",
      listSome: "List the other aid, or choose “No other de minimis aid”.",
      grantor: (n: number) => `Enter who granted aid ${n}.`,
      amount: (n: number) => `Enter the amount of aid ${n} in euros, for example 12,500.00.`,
      amountNotANumber: (n: number) =>
        `Enter the amount of aid ${n} as a number of euros in digits, with a point before the cents, like 12,500.00.`,
      amountTooManyDecimals: (n: number) =>
        `Enter the amount of aid ${n} to the cent, at most two decimals, like 12,500.00.`,
      amountTooSmall: (n: number) => `Enter an amount of aid ${n} above €0.00.`,
      amountTooLarge: (n: number, max: string) =>
        `The amount of aid ${n} can be at most ${max}; check it against the grantor's letter.`,
      grantedOn: (n: number) => `Enter the date aid ${n} was granted.`,
    },
    summaryTitle: "Other de minimis aid declared",
    summaryNone: "None declared.",
  },
  organisation: {
    title: "State aid",
    lead: "Whether this organisation's awards are de minimis aid, and which organisations count with it. Changes apply to later approvals; aid already booked stays with the organisation.",
    kindAlways: (kind: string) =>
      `${kind}s are always undertakings: their awards are de minimis aid.`,
    actsEconomically: "Acts economically",
    actsEconomicallyHint:
      "Tick when this institution offers goods or services on a market (for example paid research or consultancy): its awards then count as de minimis aid.",
    group: "Undertaking group",
    groupHint:
      "Organisations linked by control (a parent and its subsidiaries) are one undertaking: their aid counts against one ceiling.",
    noGroup: "None — an undertaking on its own",
    groupOption: (name: string, registryId: string, count: number) =>
      `${name} (${registryId}) — ${plural(count, "organisation", "organisations")}`,
    save: "Save state-aid facts",
    saved: "State-aid facts saved.",
    readOnly: "Only a platform administrator can change these facts.",
    factsActs: "Acts economically: yes",
    factsNotActs: "Acts economically: no",
    factsGroup: (name: string) => `Group: ${name}`,
    factsNoGroup: "Group: none",
    newGroupTitle: "New undertaking group",
    newGroupLead: "Record the group by its parent's name and registry entry, then choose it above.",
    groupName: "Group name",
    groupCountry: "Country of the register (ISO code)",
    groupRegistryId: "Registry number",
    createGroup: "Create group",
    groupCreated: (name: string) => `${name} created; it is now in the list above.`,
    required: {
      groupName: "Enter the group's name (at least 2 characters).",
      groupCountry: "Enter the two-letter country code, for example DE.",
      groupRegistryId: "Enter the group's registry number.",
    },
  },
  page: {
    title: "State aid (de minimis)",
    metaTitle: "State aid",
    lead: "Each undertaking's de minimis aid over the last three years — awards booked through Tessera and other aid declared by applicants — against the ceiling. Linked organisations of one group count together; the ledger keeps every row as booked.",
    asOf: (ceiling: string, from: string, to: string, zone: string) =>
      `Ceiling ${ceiling} per undertaking; totals for the three years from ${from} to ${to} (${zone}).`,
    datesNote:
      "Dates are calendar days in Brussels time (Europe/Brussels), the day an award is granted on: an award approved at 23:30 UTC on 5 December is granted on 6 December.",
    tabs: "State-aid views",
    tabUndertakings: "Undertakings",
    tabLedger: "Ledger",
    ledgerMetaTitle: "State-aid ledger",
    undertakingsTitle: "Undertakings",
    undertakingsCaption: "Undertakings by their three-year total, highest first",
    search: "Search undertakings",
    searchHint: "Organisation or group name, or registry number.",
    filter: "Show",
    filters: {
      ALL: "All undertakings",
      WITH_AID: "With aid in the period",
      NEAR_CEILING: "At 80% of the ceiling or more",
    },
    apply: "Apply filters",
    undertaking: "Undertaking",
    members: "Organisations",
    awarded: "Awarded",
    declared: "Declared",
    total: "Total",
    remaining: "Left",
    share: "Of the ceiling",
    lastAward: "Last award (Brussels time)",
    ownUndertaking: "an undertaking on its own",
    noUndertakingsTitle: "No undertakings match",
    noUndertakings:
      "No undertaking matches these filters. Startups, SMEs and enterprises appear here once registered; universities and public bodies once an administrator marks them as acting economically.",
    ledgerTitle: "Ledger",
    ledgerLead:
      "Every booked row, newest grant first. Rows are never changed: corrections are new rows.",
    ledgerCaption: "De minimis ledger rows, newest grant first",
    ledgerKind: "Kind",
    repeatsNote:
      "Aid declared with more than one application has a row for each. The later rows are marked “counted once”: they add nothing to any total, here, on the Undertakings page or in the export (counted_in_total = no).",
    /** Under a repeated declaration's struck-through amount. */
    repeatAmount: "not added again",
    repeats: (application: string) =>
      `Repeats the declaration with “${application}”; counted once.`,
    ledgerFor: (name: string) => `Rows of ${name} and the organisations of its group.`,
    ledgerForOne: (name: string) => `Rows of ${name} only.`,
    showAll: "Show every organisation's rows",
    viewLedger: (name: string) => `Ledger rows of ${name}`,
    ledgerKinds: { ALL: "Awards and declared aid", AWARD: "Awards", DECLARED: "Declared aid" },
    from: "Granted from (Brussels time)",
    to: "Granted until (Brussels time)",
    organisation: "Organisation",
    group: "Group",
    grantedOn: "Granted (Brussels time)",
    amount: "Gross grant equivalent",
    programme: "Programme or grantor",
    legalBasis: "Legal basis",
    award: "Award",
    noLedgerTitle: "No aid booked yet",
    noLedger:
      "No de minimis aid matches. Rows appear when an award to an undertaking is approved, with the other aid the applicant declared.",
    export: "Download the register export (CSV)",
    exportHint:
      "One row per award for the national state-aid register: undertaking, registry number, country, group, grant date (a calendar day in Brussels time), gross grant equivalent in euros, programme, legal basis and award id, then the grant date's time zone in the last column (grant_date_time_zone). The download is recorded in the audit log.",
    exportDeclared: "Download awards and declared aid (CSV)",
    exportDeclaredHint:
      "With the other aid applicants declared; a declaration repeated with a later application says counted_in_total = no and names the row it repeats in repeats_record_id.",
  },
};

export type StateAidMessages = typeof enStateAid;
