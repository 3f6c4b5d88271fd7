/**
 * Strings of the budget pages: an organisation's monthly budget, the programme's budget meter and
 * its burn-down projection, in British English. `BudgetMessages` makes the compiler insist that a
 * new locale is complete.
 */
const HOUR_MS = 3_600_000;
/** An idle time as the deploy form takes it: "15 minutes", "1 minute" (seconds when not whole). */
const idleTime = (seconds: number) => {
  const [count, unit] = seconds % 60 === 0 ? [seconds / 60, "minute"] : [seconds, "second"];
  return `${count.toLocaleString("en-GB")} ${unit}${count === 1 ? "" : "s"}`;
};
/**
 * The time a rate was read over, from its length in milliseconds: "the last 5 hours" under two
 * days, "the last 30 days" from then on (to the nearest day) — never "the last 1 hour".
 */
/**
 * A span of time in whole minutes (under an hour), hours (under two days) or days: "43 minutes",
 * "1 hour", "12 hours", "29 days".
 */
const spanOf = (ms: number) => {
  if (ms < HOUR_MS) {
    const minutes = Math.max(1, Math.floor(ms / 60_000));
    return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  }
  if (ms < 48 * HOUR_MS) {
    const hours = Math.max(1, Math.floor(ms / HOUR_MS));
    return hours === 1 ? "1 hour" : `${hours} hours`;
  }
  return `${Math.round(ms / (24 * HOUR_MS))} days`;
};
/** An endpoint that scales to zero when idle, which the projection still runs on: said so. */
const idleClause = (idleSeconds: number | null, also = false) =>
  idleSeconds === null
    ? ""
    : ` (it ${also ? "also " : ""}scales to zero after ${idleTime(idleSeconds)} idle, which would cost less)`;
const lastSpan = (ms: number) => {
  const span = spanOf(ms);
  return span === "1 hour" ? "the last hour" : `the last ${span}`;
};

/** The full window the rate is read from, named the same wherever the rate is shown. */
const FULL_WINDOW = "the last 30 days";
/** The rate's period: the full window by its name, a younger programme's by its length. */
const ratePeriod = (elapsedMs: number, fullWindow: boolean) =>
  fullWindow ? FULL_WINDOW : lastSpan(elapsedMs);

export const enBudgets = {
  page: {
    title: "Monthly budget",
    metaTitle: "Monthly budget",
    lead: "Set what your organisation means to spend on compute each month. Owners and billing members are told in the portal and by mail when this month's spend reaches 50%, 80% and 100% of it.",
    basis:
      "The budget counts your organisation's share of this month's compute before VAT — what you pay. The programme's share is paid by the programme and is not counted; usage of an earlier month that arrives late counts in that month.",
    billingLink: "Back to billing",
    overviewLink: "Monthly budget",
  },
  month: {
    title: (month: string) => `This month: ${month}`,
    lead: (timeZone: string) =>
      `Billing month in ${timeZone}. The figures update as usage is metered.`,
    bar: (spent: string, budget: string, percent: string) =>
      `${spent} spent of a ${budget} budget (${percent})`,
    barNoBudget: (spent: string) => `${spent} spent so far this month; no budget set`,
    spent: "Spent so far",
    budget: "Budget",
    left: "Left this month",
    over: "Over the budget by",
    projected: "Projected at month end",
    /** How the projection was made, in one sentence: "€0.10 so far + €350.90 if … to 31 Dec." */
    projectedNothing: (spent: string) =>
      `${spent} so far. Nothing is running now, so the month ends there unless something starts.`,
    projectedRunning: (spent: string, parts: readonly string[]) =>
      `${spent} so far + ${parts.join(" + ")}.`,
    /** `idleSeconds`: an endpoint that scales to zero, which the projection still runs on. */
    runsToMonthEnd: (
      amount: string,
      name: string,
      hourly: string,
      lastDay: string,
      idleSeconds: number | null,
    ) => `${amount} if ${name} keeps running at ${hourly} to ${lastDay}${idleClause(idleSeconds)}`,
    runsToWalltime: (amount: string, name: string, hourly: string, end: string) =>
      `${amount} if ${name} runs at ${hourly} until its walltime ends (${end})`,
    /**
     * An endpoint whose allocation's quota cannot cover its next lease window before the month's
     * end: `end` is that renewal, when it is scaled to zero.
     */
    runsUntilQuotaRunsOut: (
      amount: string,
      name: string,
      hourly: string,
      end: string,
      idleSeconds: number | null,
    ) =>
      `${amount} if ${name} keeps running at ${hourly} until its allocation's quota cannot cover another lease window (about ${end}), when Tessera scales it to zero${idleClause(idleSeconds, true)}`,
    /**
     * An endpoint whose allocation ends before the month does: `end` is its first lease renewal
     * after that, when it is scaled to zero.
     */
    runsUntilAllocationEnds: (
      amount: string,
      name: string,
      hourly: string,
      end: string,
      idleSeconds: number | null,
    ) =>
      `${amount} if ${name} keeps running at ${hourly} until its first lease renewal after its allocation ends (about ${end}), when Tessera scales it to zero${idleClause(idleSeconds, true)}`,
    /** What an hour of a running thing costs the organisation: "€0.595 an hour". */
    hourlyRate: (rate: string) => `${rate} an hour`,
    /**
     * An endpoint whose current lease window is billed at the price in force when it opened, and
     * its next windows (from `next`, a date and time) at the price in force now.
     */
    hourlyRateUntilNextWindow: (current: string, later: string, next: string) =>
      `${current} an hour until its next lease window (about ${next}), then ${later} an hour,`,
    runsOthers: (amount: string, count: number) => `${amount} for ${count} more running now`,
    projectedScope:
      "Only what is running now is projected; jobs started later and calls to shared models are not.",
    projectedOver: "More than the budget.",
    computedAt: (when: string) => `Figures as of ${when}.`,
    noBudgetTitle: "No monthly budget set",
    noBudgetBody:
      "Without a budget, nobody is told how this month's spend is going. Set one below to be told at 50%, 80% and 100%.",
    currencyMismatch: (budget: string, charges: string) =>
      `The budget is in ${budget}, but this month's charges are in ${charges}, so they cannot be compared. Set the budget again to have it in ${charges}.`,
  },
  thresholds: {
    title: "Alerts this month",
    caption: "Budget alerts of this month",
    percent: (percent: number) => `${percent}% of the budget`,
    notified: (when: string) => `Reached — owners and billing members told ${when}`,
    reachedPending: "Reached — the alert goes out within a few minutes",
    notReached: "Not reached",
    noBudget: "No budget: no alerts",
  },
  form: {
    title: "Change the budget",
    amount: (currency: string) => `Monthly budget (${currency})`,
    amountHint: "An amount in the billing currency, for example 2,500.00.",
    amountRequired: "Enter the monthly budget, for example 2,500.00.",
    amountNotANumber:
      "Enter the monthly budget as a number in digits, with a point before the cents, for example 2,500.00.",
    amountTooManyDecimals: (decimals: number) =>
      decimals === 0
        ? "Enter the monthly budget in whole units, without decimals."
        : `Enter the monthly budget to the cent, at most ${decimals === 2 ? "two" : decimals} decimals, for example 2,500.00.`,
    amountTooSmall: "Enter a monthly budget above zero. To have no budget, remove it instead.",
    amountTooLarge: (max: string) => `The monthly budget can be at most ${max}.`,
    save: "Save budget",
    saved: (amount: string) => `The monthly budget is now ${amount}.`,
    clear: "Remove the budget",
    clearTitle: "Remove the monthly budget?",
    clearBody:
      "Owners and billing members will no longer be told when this month's spend reaches 50%, 80% or 100%. Usage and invoices are not affected.",
    clearConfirm: "Yes, remove it",
    cleared: "The monthly budget was removed.",
    readOnly: "Only owners and billing members can change the budget.",
    rearm:
      "A changed budget is a new budget: this month's alerts it has not reached are sent again when they are reached.",
  },
  meter: {
    committed: "Awarded (committed)",
    consumed: "of which consumed",
    left: "Left to award",
  },
  projection: {
    title: "Projected exhaustion",
    basis: (elapsedMs: number, fullWindow: boolean) =>
      `Consumption is what the programme owes for usage on its awards, invoiced or not yet invoiced. ` +
      (fullWindow
        ? `The daily rate is what was consumed in ${FULL_WINDOW} (UTC, today so far included), divided by the time they cover: ${(elapsedMs / (24 * HOUR_MS)).toFixed(1)} days.`
        : `The daily rate is what was consumed since the allocation of its first award began, ${spanOf(elapsedMs)} ago, divided by that time. Once its awards have run for 30 days, it is read from the last 30.`),
    rate: "Consumption rate",
    ratePerDay: (perDay: string, recent: string, elapsedMs: number, fullWindow: boolean) =>
      `${perDay} a day (${recent} in ${ratePeriod(elapsedMs, fullWindow)})`,
    rateTooEarly: "Not yet: less than an hour of consumption to read it from",
    rateNothingConsumed: "None: nothing consumed yet",
    left: "Budget not yet consumed",
    ends: "The programme ends",
    endsOn: (date: string) => `${date}, when its last award ends`,
    endsOnSoFar: (date: string) =>
      `${date}, when its last award so far ends (an open or upcoming call may extend it)`,
    endsWithCall: (date: string) =>
      `${date} at the earliest, when its open call closes (awards made on it may run longer)`,
    noEnd: "No award yet",
    /** The question the outcome answers, in one sentence with it ("Will …? Not before …."). */
    outcome: "Will the budget run out?",
    projected: (date: string, perDay: string) => `Yes, on ${date}, at ${perDay} a day.`,
    notBeforeEnd: (perDay: string) => `Not before the programme ends, at ${perDay} a day.`,
    notBeforeEndOn: (date: string, perDay: string) =>
      `Not before the programme ends on ${date}, at ${perDay} a day.`,
    notBeforeCallCloses: (date: string, perDay: string) =>
      `Not before ${date}, the earliest the programme ends, at ${perDay} a day.`,
    notBeforeLastAwardSoFar: (date: string, perDay: string) =>
      `Not before ${date}, when its last award so far ends, at ${perDay} a day.`,
    tooEarly:
      "Too early to project: consumption started less than an hour ago, too little to read a daily rate from.",
    idle: (elapsedMs: number, fullWindow: boolean) =>
      `Not at present: nothing was consumed in ${ratePeriod(elapsedMs, fullWindow)}, so no date is projected.`,
    nothingConsumed:
      "Not projected: nothing has been consumed on this programme's awards yet, so there is no rate to project from.",
    exhausted: "It has: the budget is used up.",
    legend: "Projected consumption",
    chart: (awarded: string, consumed: string, budget: string, outcome: string) =>
      `Line chart: ${awarded} awarded and ${consumed} consumed of a ${budget} budget. Will the budget run out? ${outcome}`,
  },
};

export type BudgetMessages = typeof enBudgets;
