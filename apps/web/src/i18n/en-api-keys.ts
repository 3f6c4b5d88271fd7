/**
 * Strings of the API keys page, in British English. `ApiKeyMessages` makes the compiler insist
 * that a new locale is complete.
 */
import { enBilling } from "./en-billing";

const count = (value: number) => value.toLocaleString("en-GB");

export const enApiKeys = {
  nav: { apiKeys: "API keys" },
  title: "API keys",
  lead: "Keys let programs call your endpoints, and the platform's shared models your organisation holds tokens for, through Tessera's OpenAI-compatible gateway. Each key belongs to a project, expires on a date you choose, and has its own limits.",
  notVerified:
    "Your organisation is not verified yet: existing keys are listed, and new keys can be created once it is.",
  emptyTitle: "No API keys yet",
  emptyBody:
    "Create a key below to call your endpoints from code, a notebook or the command line. You will see the key once, when it is created.",
  emptyBlocked: "No key has been created for this organisation.",
  emptyNoProject:
    "A key belongs to a project, and this organisation has none yet. Create a project first, then come back to create a key.",
  emptyReadOnly:
    "No key has been created. Members, admins and owners of the organisation can create keys.",
  createProject: "Create a project",
  caption: "The organisation's API keys, newest first",
  col: {
    key: "Key",
    scope: "May call, and how much",
    expires: "Expires",
    status: "Status",
  },
  by: (name: string) => `Created by ${name}`,
  allEndpoints:
    "Every endpoint and model of the organisation, and the shared models it holds tokens for",
  allEndpointsIn: (place: string) =>
    `Every endpoint and model of the organisation, and the shared models it holds tokens for, that run where the project's data may go (${place})`,
  onlyIn: (place: string) => `Only those that run where the project's data may go (${place})`,
  reach: {
    place: (place: string) =>
      `No endpoint or shared model runs where this project's data may go (${place}): calls with this key are refused until one is deployed on a cluster in ${place}.`,
    nowhere: (residency: string, country: string) =>
      `No cluster may serve this project: its data must stay in ${residency}, and restricted data stays in the organisation's country (${country}). Calls with this key are refused.`,
    none: "The organisation has no endpoint yet, nor tokens of a shared model: calls with this key are refused until an endpoint is deployed.",
    scope:
      "None of the endpoints this key is limited to runs any more (each was deleted or has failed): calls with it are refused, and deploying another endpoint would not change that. Create a new key for the endpoints that run now.",
    scopePlace: (place: string) =>
      `The endpoints this key is limited to run where this project's data may not go (${place}): calls with it are refused, and deploying another endpoint would not change that. Create a new key for endpoints in ${place}.`,
    models: (place: string | null) =>
      `None of the models this key is limited to is served to the organisation now: calls with it are refused until an endpoint of one of them is deployed${place ? ` on a cluster in ${place}` : ""}.`,
    projectPlace: (place: string) =>
      `No endpoint or shared model runs where this project's data may go (${place}): calls with a key for it are refused until one is deployed on a cluster in ${place}.`,
    projectNowhere: (residency: string, country: string) =>
      `No cluster may serve this project: its data must stay in ${residency}, and restricted data stays in the organisation's country (${country}). Calls with a key for it are refused.`,
    projectNone:
      "The organisation has no endpoint yet, nor tokens of a shared model: calls with a key are refused until an endpoint is deployed.",
    noCluster: (place: string) =>
      `No cluster that serves endpoints on Tessera is where this project's data may go (${place}): calls with this key are refused until the platform's operators add one.`,
    projectNoCluster: (place: string) =>
      `No cluster that serves endpoints on Tessera is where this project's data may go (${place}): calls with a key for it are refused until the platform's operators add one.`,
    deploy: "Deploy an endpoint",
    askOperators: "Ask the platform's operators",
  },
  models: (names: string) => `Models: ${names}`,
  endpoints: (names: string) => `Endpoints: ${names}`,
  fallback: "May fall back to a smaller model when the allocation is spent",
  limits: (requests: number, tokens: number) =>
    `${count(requests)} requests and ${count(tokens)} tokens a minute`,
  lastUsed: "Last used",
  neverUsed: "Not used yet",
  status: {
    ACTIVE: "Active",
    EXPIRING_SOON: "Expiring soon",
    EXPIRED: "Expired",
    REVOKED: "Revoked",
  },
  rotatedGrace: (until: string) => `Rotated: the previous secret works until ${until}`,
  revokedOn: (when: string) => `Revoked ${when}`,
  noActions: "No actions",
  notYours: "Its creator, an owner or an admin can change it",
  create: {
    title: "Create a key",
    readOnly: "Your role lets you see the organisation's keys, not create them.",
    notVerified: "Keys can be created once the organisation is verified.",
    name: "Key name",
    nameHint: "What the key is for, so that you recognise it later (for example, “Lab notebook”).",
    project: "Project",
    projectHint: "Requests with the key are made for this project and follow its data rules.",
    projectPlaceholder: "Choose a project",
    expiry: "Expires",
    expiryHint: "Every key expires. Choose a period, or a date 1 to 365 days from today.",
    expiryDays: (days: number) => (days === 365 ? "In 1 year" : `In ${days} days`),
    expiryDate: "On a date",
    expiryDateLabel: "Expiry date",
    expiryDateHint: "The key works until the end of this day (UTC).",
    limits: "Limits",
    requestsPerMinute: "Requests a minute",
    requestsHint: (max: number) => `1 to ${count(max)}.`,
    tokensPerMinute: "Tokens a minute",
    tokensHint: (max: number) => `1 to ${count(max)}, prompt and completion together.`,
    scope: "Limit to some endpoints or models",
    scopeHint:
      "Leave everything unticked to let the key call every endpoint and model of the organisation, and the platform's shared models it holds tokens for. A key limited to endpoints calls only those endpoints.",
    scopeEndpoints: "Endpoints",
    scopeModels: "Models",
    noEndpoints:
      "The organisation has no endpoints yet: the key will be able to call every endpoint you deploy.",
    sharedModel: "shared model, paid from the organisation's tokens",
    endpointOption: (name: string, model: string) => `${name} (${model})`,
    fallback:
      "Fall back to a smaller model or the CPU tier when the allocation is spent (it answers only if the organisation also holds tokens of that tier)",
    submit: "Create key",
    required: {
      name: "Enter a name for the key.",
      project: "Choose the project the key is for.",
      expiryDate: "Choose the expiry date.",
      requests: (max: number) =>
        `Enter a whole number of requests a minute from 1 to ${count(max)}.`,
      tokens: (max: number) => `Enter a whole number of tokens a minute from 1 to ${count(max)}.`,
    },
  },
  issued: {
    createdTitle: (name: string) => `${name} is ready: copy the key now`,
    rotatedTitle: (name: string) => `${name} has a new secret: copy the key now`,
    warning:
      "This is the only time the key is shown. Tessera keeps only a fingerprint of it and cannot show it again: store it in your secrets manager now. If it is lost, rotate the key.",
    keyLabel: "Your API key",
    copy: "Copy key",
    copied: "Key copied to the clipboard.",
    copyFailed: "Could not copy: select the key and copy it by hand.",
    graceUntil: (until: string) =>
      `The previous secret keeps working until ${until}, so that you can move your programs over.`,
    graceNone: "The previous secret stopped working now.",
    example: "Try it: call the gateway with the key",
    exampleHint: "Paste this into a terminal.",
    exampleNoModel: "When a model this key may call runs, put its name in place of <model>.",
    copyExample: "Copy example",
    exampleCopied: "Example copied to the clipboard.",
    dismiss: "I have stored the key",
  },
  edit: {
    label: "Edit",
    title: (name: string) => `Edit ${name}`,
    body: "Changes reach every gateway within seconds. The key's secret, project, scope and expiry stay as they are.",
    confirm: "Save changes",
    saved: (name: string) => `${name} saved.`,
  },
  rotate: {
    label: "Rotate",
    title: (name: string) => `Rotate ${name}?`,
    body: "The key gets a new secret under the same id; you will see it once. Its expiry and limits stay as they are.",
    grace: "How long should the current secret keep working?",
    graces: {
      NONE: "Stop it now",
      HOUR: "For 1 hour",
      DAY: "For 24 hours",
      WEEK: "For 7 days",
    },
    confirm: "Rotate key",
  },
  revoke: {
    label: "Revoke",
    title: (name: string) => `Revoke ${name}?`,
    body: "Requests with this key are refused within seconds, on every gateway. This cannot be undone: a program that still uses it needs a new key.",
    confirm: "Revoke key",
    keep: "Keep key",
  },
  exampleContent: "Hello",
  usage: {
    link: "Usage of the keys",
    title: "Gateway usage",
    metaTitle: "Gateway usage",
    lead: (days: number) =>
      `Calls through the gateway with this organisation's keys over the last ${days} days (UTC), counted from each call's usage record. Prompts and answers are never stored. Tokens are not all billed: see how each call is paid below.`,
    emptyTitle: "No calls in these days",
    emptyBody:
      "Once a program calls the gateway with one of your keys, each call is counted here within seconds.",
    emptyAction: "Create or find a key",
    paymentTitle: "How these calls are paid",
    paymentCaption: "Calls and tokens by how they are paid",
    paymentKind: "Paid through",
    ownEndpoints: "Your own endpoints",
    ownEndpointsPaid:
      "Paid through the endpoint's running time (its unit-hours on Billing), not per token: these tokens cost nothing more.",
    sharedModels: "The platform's shared models",
    sharedModelsPaid:
      "Billed per token from your organisation's tokens of each model's tier, at the catalogue price.",
    chargesCaption:
      "Shared models' tokens at the catalogue price, with their estimated energy, by tier and billing month",
    chargeTier: "Tier and month",
    chargeTokens: "Tokens",
    chargePrice: "Catalogue price",
    chargeList: "List amount",
    chargeEnergy: "Energy",
    partOfMonth: (day: string) => `from ${day} only: Billing's line counts the whole month`,
    chargesExplained:
      "Each month's amount and energy are worked out and rounded as Billing's line for the tier is, the amount before the programme's share. Billing shows who pays which share.",
    billingLink: "See the charges on Billing",
    chartTitle: "Tokens per day",
    chartLabel: (day: string, tokens: string, requests: string) =>
      `${day}: ${tokens} tokens in ${requests} calls`,
    byDayCaption: "Calls and tokens per day",
    byKeyTitle: "By key",
    byKeyCaption: "Calls and tokens per API key, busiest first",
    byModelTitle: "By model",
    byModelCaption:
      "Calls and tokens per model, with the median latency, the median time to first token of streamed calls and the energy per 1,000 tokens",
    col: {
      day: "Day (UTC)",
      key: "Key",
      model: "Model",
      requests: "Calls",
      tokensIn: "Prompt tokens",
      tokensOut: "Completion tokens",
      lastUsed: "Last call",
      latency: "Median latency",
      ttft: "Median first token (streamed)",
      energy: "Energy per 1,000 tokens",
    },
    removedKey: "(removed key)",
    streamedOf: (streamed: string, calls: string) => `over ${streamed} of ${calls} calls`,
    noneStreamed: "no streamed calls",
    ttftExplained:
      "Time to first token is measured only for streamed calls (stream: true). A call answered whole has only its latency, so it is left out of that median.",
    sharedModel: "shared endpoint",
    notMetered: "Not metered yet",
    notMeteredOwn: "its endpoints reported no energy in these days",
    /** A shared model's figure in Billing's words: one estimate, read the same on every page. */
    notMeteredShared: enBilling.energy.sharedNoEnergy,
    estimated: "estimated from the endpoint's power draw",
    unsettled: "estimated, not yet settled",
    measured: "measured",
    approximately: (energy: string) => `≈ ${energy}`,
    sharedAverage: enBilling.energy.sharedBasis,
    sharedAverageUnsettled: enBilling.energy.sharedBasisUnsettled,
    approximateExplained: "≈ marks an estimate.",
    ownEnergyExplained:
      "Your own endpoint's figure is all the energy it used in these days, idle time included (it is yours), divided by the tokens it served: it grows while the endpoint runs between calls and falls as calls come.",
    sharedAverageExplained:
      "A shared model's endpoint serves every organisation that holds tokens of its tier. Its energy in the metering windows (about half an hour each) of these days in which it served calls is divided by all the tokens it served, so the figure is the endpoint's average, the same for every caller, not a measurement of your calls alone; its idle time is not shared out to callers but stays with the platform operator. A window still open counts only up to its last call, and whole once it closes, so the figure changes when someone calls the model, when a window in which someone did closes, or when the endpoint's replicas change — not merely because time passes while nobody calls. It shows nothing of other organisations' calls.",
    lessThan: (energy: string) => `less than ${energy}`,
    ms: (value: number) => `${count(value)} ms`,
  },
};

export type ApiKeyMessages = typeof enApiKeys;
