/**
 * Strings of the billing pages (current charges, invoices, usage, the programme's statement), in
 * British English. `BillingMessages` makes the compiler insist that a new locale is complete.
 */
const names = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/** "National AI Compute 2026", "A and B": the programmes that pay, or "the programme" unnamed. */
const payers = (programmes: readonly string[]) =>
  programmes.length === 0 ? "the programme" : names.format(programmes);

const sharedBasis = "estimated from the shared model's average";
const sharedBasisUnsettled = "estimated from the shared model's average, not yet settled";
const sharedNoEnergy = "the shared model's endpoints report no energy";

export const enBilling = {
  nav: { billing: "Billing" },
  payment: {
    NOT_DUE: "Nothing to pay",
    PENDING: "Being issued",
    OPEN: "Awaiting payment",
    PAID: "Paid",
    VOID: "Void",
    UNCOLLECTIBLE: "Uncollectible",
  },
  kind: { INVOICE: "Finalised", CREDIT_NOTE: "Credit note", DRAFT: "Draft" },
  lineKind: { USAGE: "", LATE_USAGE: "Late usage", CREDIT: "Credit" },
  energy: {
    measured: "measured",
    estimated: "estimated",
    unsettled: "estimated, not yet settled",
    /** An estimated figure: "≈" marks every estimate, as the usage pages' legends say. */
    approximately: (energy: string) => `≈ ${energy}`,
    /**
     * A shared model's tokens' energy: the one estimate (estimate-shared-token-energy.ts) read the
     * same way on Billing, its usage page and the API keys usage page, which uses these words too.
     */
    sharedBasis,
    sharedBasisUnsettled,
    sharedNoEnergy,
    sharedAverage: (energy: string) => `≈ ${energy} (${sharedBasis})`,
    sharedAverageUnsettled: (energy: string) => `≈ ${energy} (${sharedBasisUnsettled})`,
    sharedNotMetered: `Not metered yet (${sharedNoEnergy})`,
    /** Under lines that include a shared model's tokens: how their energy is worked out. */
    sharedRule:
      "A shared model's energy is the energy its shared endpoints used in the metering windows (about half an hour each) in which they served calls of it, shared out by tokens among all its callers that month. The endpoints' idle time is not shared out to callers: it stays with the platform operator, whose own bill shows all of the endpoints' energy. A closed window with any call counts whole, so the figure is high when there are few calls; a window still open counts only up to its last call. So the figure changes when someone calls the model, when a window in which someone did closes (it then counts whole, as the invoice counts it), and when the endpoints' replicas change; it does not grow merely because time passes while nobody calls.",
  },
  overview: {
    title: "Billing",
    metaTitle: "Billing",
    lead: "What your organisation's compute costs, who pays which share, and your invoices. Amounts are in the programme's currency; the programme pays its share directly.",
    usageLink: "Usage by month",
    detailsLink: "Billing details",
    noAddressTitle: "Invoices need your postal address",
    noAddressBody:
      "Tessera's invoices must name your postal address (EU VAT rules apply to every invoice the platform issues, wherever you are), and none is on file for your organisation. Invoices issued without one will not show it.",
    noAddressLink: "Add the postal address",
    currentTitle: "Charges so far this month",
    currentLead: (month: string, timeZone: string) =>
      `The live draft for ${month} (billing month in ${timeZone}). It becomes an invoice after the month ends.`,
    live: "Updates by itself while this page is open.",
    refreshFailed: "Could not refresh the figures; showing the last ones.",
    computedAt: (when: string) => `Figures as of ${when}.`,
    accruingNote: (quantity: string) =>
      `Includes ${quantity} accruing (running jobs and endpoints), not yet settled: counted up to now and priced as it will be billed. It settles when a job finishes or an endpoint's metering window (about half an hour) closes, with no change to the total.`,
    noUsageTitle: "No charges yet this month",
    noUsageBody:
      "Charges appear here as soon as your organisation's jobs and endpoints use compute.",
    /** The way to some usage, by what the organisation's allocations allow (usageActionOf). */
    usageAction: {
      JOB: "Launch a job",
      ENDPOINT: "Deploy an endpoint",
      API_KEY: "Create an API key",
      APPLY: "Apply for an allocation",
    },
    invoicesTitle: "Invoices",
    invoicesCaption: "Your organisation's finalised invoices and credit notes",
    noInvoicesTitle: "No invoices yet",
    noInvoicesBody:
      "An invoice is issued a few days after a month with usage ends. Until then, the charges so far are shown above.",
    number: "Number",
    period: "Month",
    status: "Status",
    total: "List value",
    programmePays: "Programme pays",
    youPay: "You pay (incl. VAT)",
    payment: "Payment",
    downloads: "Downloads",
    pdf: (number: string) => `PDF of ${number}`,
    csv: (number: string) => `CSV of ${number}`,
    pdfShort: "PDF",
    csvShort: "CSV",
  },
  lines: {
    caption: (what: string) => `Lines of ${what}`,
    line: "Line",
    quantity: "Quantity",
    unitPrice: "Unit price",
    list: "List amount",
    programme: "Programme pays",
    tenant: "You pay",
    energy: "Energy",
    late: (month: string) => `Late usage of ${month}`,
    /** Under a line when another of its class and month is at another price. */
    priceChanged: (price: string) =>
      `Price changed this month: this line is the use that began while it was ${price}.`,
    accruing: (quantity: string) => `incl. ${quantity} accruing, not yet settled`,
    /** Under a line's programme share when several programmes pay: which one pays it. */
    paidBy: (programme: string) => `by ${programme}`,
    totals: "Totals",
  },
  totals: {
    list: "List value",
    programme: "Paid by the programme",
    /** "Paid by National AI Compute 2026", "Paid by A and B": the programmes named. */
    programmeNamed: (programmes: readonly string[]) => `Paid by ${payers(programmes)}`,
    tenantNet: "Your share (net)",
    tenantTotal: "Total due from you",
    energy: "Energy",
    sharesAddUp: (programme: string, tenant: string, list: string) =>
      `${programme} paid by the programme + ${tenant} paid by you = ${list} list value.`,
    /** The VAT line when the programme pays everything: what the rate is applied to. */
    vatOnNet: (label: string, net: string) => `${label} on ${net}`,
    nothingToPay: (programmes: readonly string[]) =>
      `Nothing to pay: ${payers(programmes)} ${programmes.length > 1 ? "cover" : "covers"} the whole list value, so your share and its VAT are zero.`,
  },
  invoice: {
    metaTitle: (number: string) => `Invoice ${number}`,
    title: (number: string) => `Invoice ${number}`,
    creditTitle: (number: string) => `Credit note ${number}`,
    lead: (month: string, timeZone: string) => `Billing month ${month} (${timeZone}).`,
    details: "Details",
    supplier: "Supplier",
    issued: "Issue date",
    supplyPeriod: "Supply period",
    supplyPeriodDays: (from: string, to: string, timeZone: string) =>
      `${from} to ${to} (${timeZone})`,
    due: "Due date",
    nothingDue: "Nothing to pay",
    terms: "Payment terms",
    billTo: "Bill to",
    paidByProgramme: (count: number) => (count === 1 ? "Subsidy programme" : "Subsidy programmes"),
    vatId: "VAT id",
    vatIdOf: (vatId: string) => `VAT id ${vatId}`,
    corrects: "Corrects",
    reason: "Reason",
    paymentTitle: "Payment",
    paymentState: "State",
    paid: "Paid",
    paidOn: "Paid on",
    paymentHelp: {
      NOT_DUE: "Nothing is due: the programme pays all of this invoice.",
      PENDING: "The invoice for your share is being issued; you will receive it by email.",
      OPEN: "Your share has been invoiced and is awaiting payment.",
      PAID: "Your share has been paid. Thank you.",
      VOID: "This invoice was voided; nothing is due.",
      UNCOLLECTIBLE: "Payment could not be collected. Contact the platform's billing team.",
    },
    download: "Download",
  },
  details: {
    title: "Billing details",
    metaTitle: "Billing details",
    lead: "What your invoices name your organisation with. Invoices already issued keep the details they were issued with.",
    billingLink: "Billing",
    addressTitle: "Postal address",
    /** The field under that heading: what to write, without repeating the heading. */
    address: "Street, postcode and city",
    addressHint: (country: string) =>
      `One part per line: street and number first, then postcode and city; up to 6 lines of 100 characters. The country is your organisation's: ${country}.`,
    addressRequired: "Enter the postal address: street and number, then postcode and city.",
    save: "Save address",
    saved: "Postal address saved. The next invoice will name it.",
    none: "None on file.",
    remove: "Remove address",
    removeTitle: "Remove the postal address?",
    removeBody: (address: string) =>
      `The next invoices will name no postal address until you add one again, and the platform's invoices must name it. Invoices already issued keep the address they were issued with. Removed: ${address}.`,
    removeConfirm: "Remove address",
    removed: "Postal address removed. Add one before your next invoice is issued.",
    readOnly: "Only owners and billing members can change the billing details.",
    noAddressTitle: "None on file yet",
    noAddressBody:
      "The platform's invoices must name it (EU VAT rules, wherever you are). Add it below before your next invoice is issued.",
  },
  usage: {
    title: "Usage",
    metaTitle: "Usage",
    lead: "What each month cost, as your invoices and this month's charges so far say, and the metered compute behind it by resource class and by project, from the usage records (billed or not).",
    chartTitle: "Charges by month",
    chartLead: (from: string, to: string) =>
      `Each bar is a month's list value, on one scale for every month and every resource class (${from} to ${to}): the part the programme pays, then the part you pay. A closed month shows its invoice; this month shows the charges so far, including running jobs' and endpoints' time still accruing.`,
    /** The chart's key and its table's column: the programmes paying in the months shown. */
    programmeKey: (programmes: readonly string[]) => `Paid by ${payers(programmes)}`,
    tenantKey: "Paid by you (before VAT)",
    invoiced: "invoice",
    soFar: "so far this month",
    monthFigures: (
      list: string,
      programme: string,
      programmes: readonly string[],
      tenant: string,
    ) => `${list} list value: ${programme} paid by ${payers(programmes)}, ${tenant} paid by you`,
    /** Under a month's programme share in the table when several programmes pay in the months. */
    monthPaidBy: (programmes: readonly string[]) => `by ${payers(programmes)}`,
    plusVat: (vat: string) => ` (+ ${vat} VAT)`,
    barLabel: (month: string, figures: string) => `${month}: ${figures}`,
    noUsage: (months: string) => `No usage in ${months}.`,
    notInvoiced: (months: string) =>
      `${months}: used, not invoiced yet. Its charges are in this month's charges so far.`,
    scale: "Scale",
    asTable: "Show the figures as tables",
    moneyCaption: "Charges by month (the same figures as the invoices and the charges so far)",
    tableCaption: "Usage by month and resource class, each in its own unit",
    noInvoice: "No invoice",
    byProjectTitle: "By project",
    byProjectCaption: "Usage by project and resource class over these months",
    month: "Month",
    resourceClass: "Resource class",
    project: "Project",
    noProject: "No project",
    quantity: "Quantity",
    energy: "Energy",
    nothing: "no usage",
    emptyTitle: "No usage in these months",
    emptyBody: "Usage appears here once your organisation's jobs and endpoints have run.",
    months: (count: number) => `Last ${count} months`,
    billingLink: "Back to billing",
    accruingTitle: "Accruing now — not yet settled",
    accruingLead:
      "Your running jobs' time since they started and your endpoints' time in their current metering window (about half an hour), counted up to now. It is already in this month's charges so far, and moves into the figures below when the job finishes or the window closes.",
    accruingCaption:
      "Running jobs' and endpoints' time accruing, not yet settled, each priced on its own (before VAT)",
    accruingBadge: "accruing, not yet settled",
    endpoint: "Job or endpoint",
    timeSoFar: "Time so far",
    accruingTotal: "Total accruing",
    accruingPricing:
      "Each row is priced on its own: its time × the unit price, rounded to the cent, then the programme's rate of that, rounded to the cent; you pay the rest. The charges so far price each line once, on its settled and accruing time together, so they can differ from the settled amounts plus these rows by up to a cent a row.",
    accruingAsOf: (when: string) => `Figures as of ${when}.`,
    chargesLink: "See the charges so far this month",
  },
  statement: {
    metaTitle: "Programme statement",
    title: (programme: string) => `Statement: ${programme}`,
    lead: "What the programme owes for a billing month: every finalised invoice line that drew on one of its awards.",
    month: "Month",
    show: "Show",
    previous: "Previous month",
    next: "Next month",
    byOrganisation: "By organisation",
    byOrganisationCaption: (month: string) =>
      `What the programme owes per organisation for ${month}`,
    linesTitle: "Lines",
    linesCaption: (month: string) => `Invoice lines drawing on the programme's awards in ${month}`,
    organisation: "Organisation",
    invoice: "Invoice",
    resourceClass: "Resource class",
    usageMonth: "Usage month",
    quantity: "Quantity",
    list: "List value",
    programmeOwes: "Programme owes",
    total: "Total",
    empty: (month: string) =>
      `No finalised invoice drew on this programme's awards in ${month}. Invoices are issued a few days after each month ends.`,
    dashboardLink: "Programme dashboard",
    dashboardNote:
      "Each month's total is one row of the programme's consumed figure on its dashboard, which adds what is not yet invoiced.",
    statementLink: "Monthly statement",
  },
};

export type BillingMessages = typeof enBilling;
