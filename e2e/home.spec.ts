import type { Page } from "@playwright/test";
import { persona } from "@tessera/config";
import { expect, test } from "./support/fixtures";
import {
  expectCancelTaken,
  fillJobForm,
  NORTHBRIDGE,
  openOrganisation,
  setSimulatedRun,
  submitJob,
} from "./support/jobs";
import { markDocument, stillSameDocument } from "./support/live";
import { uniqueSuffix } from "./support/personas";
import {
  applyToProgramme,
  assignReviewer,
  createProgramme,
  openAdminApplication,
} from "./support/programmes";

// Figures that move (jobs on the simulated cluster) reach the home page by its own polling.
const MOVES = { timeout: 45_000 };
const SEEDED_PROGRAMME = "National AI Compute Programme 2026";
const UNDER_REVIEW = "Multilingual speech encoders for public broadcasters";

/** Ada submits a job on the pilot allocation's H100 line from a second browser. */
async function submitAsAda(
  signedIn: (key: "researcher") => Promise<Page>,
  job: { name: string; gpus: string; command: string; simSeconds: string },
): Promise<Page> {
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);
  await ada.goto(`/orgs/${organizationId}/jobs/new`);
  await fillJobForm(ada, {
    name: job.name,
    project: "Multilingual speech models",
    gpus: job.gpus,
    hours: "1",
    template: "Plain batch script",
    command: job.command,
  });
  await setSimulatedRun(ada, job.simSeconds);
  await submitJob(ada, job.name);
  return ada;
}

test("the researcher's home shows quota left per line with its end, jobs and failures, live", async ({
  signedIn,
}) => {
  test.setTimeout(150_000);
  const ada = await signedIn("researcher");
  await expect(ada.getByRole("heading", { level: 1, name: "Welcome, Ada Okafor" })).toBeVisible();
  const panel = ada.getByTestId("organisation-home").filter({ hasText: NORTHBRIDGE });

  await test.step("quota left per allocation line, with the numbers and its end date", async () => {
    // The seed grants 200 H100 GPU-hours and 5,000 CPU core-hours, from 70 days back (its demo
    // usage, some of it already consumed, lies inside) to 180 days ahead.
    const gpu = panel.getByTestId("quota-line").filter({ hasText: "NVIDIA H100 80 GB" });
    await expect(gpu).toContainText(/left of 200 GPU-hours/);
    await expect(gpu).toContainText(/ends \d{1,2} \w{3} \d{4}/);
    // The award by name: two awards of the same class would otherwise differ only by end date.
    await expect(gpu).toContainText(
      "from Speech encoder pilot runs (National AI Compute Programme 2026)",
    );
    await expect(
      gpu.getByRole("img", { name: /^NVIDIA H100 80 GB: .* left of 200 GPU-hours$/ }),
    ).toBeVisible();
    const cpu = panel.getByTestId("quota-line").filter({ hasText: "CPU core" });
    await expect(cpu).toContainText(/left of 5,000 CPU core-hours/);
    // One unit for every figure of a line, however small the used or held part.
    await expect(panel.getByTestId("quota-lines")).not.toContainText(/-minutes?|-seconds?/);
    await expect(panel.getByTestId("jobs-running")).toHaveText(/^\d+$/);
    await expect(panel.getByTestId("jobs-pending")).toHaveText(/^\d+$/);
    // Endpoints have their own part: counts by what they do now, or how to deploy one.
    const endpoints = panel.getByRole("region", { name: `Inference endpoints of ${NORTHBRIDGE}` });
    await expect(
      endpoints.getByTestId("endpoints-none").or(endpoints.getByTestId("endpoints-serving")),
    ).toBeVisible();
  });

  const name = `Failing sweep ${uniqueSuffix()}`;
  await test.step("a job that fails elsewhere shows up here without a reload", async () => {
    await markDocument(ada);
    await submitAsAda(signedIn, { name, gpus: "1", command: "exit 3", simSeconds: "3" });
    await expect(panel.getByTestId("recent-failures")).toContainText(name, MOVES);
    expect(await stillSameDocument(ada)).toBe(true);
  });

  await test.step("the job's end arrives as a notification linking to the job", async () => {
    await ada.getByTestId("notifications-indicator").click();
    await expect(ada.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    const notice = ada.getByTestId("notification").filter({ hasText: `Job failed: ${name}` });
    // The worker's sweep writes the notice within a poll, unless a longer housekeeping job (the
    // billing sweep) runs first; the list is read when the page loads, so look again until then.
    await expect(async () => {
      if ((await notice.count()) === 0) await ada.reload();
      await expect(notice).toHaveCount(1, { timeout: 2_000 });
    }).toPass(MOVES);
    await expect(notice).toContainText("exit code 3");
    await notice.getByRole("link", { name: /^Open/ }).click();
    await expect(ada.getByRole("heading", { level: 1, name })).toBeVisible();
  });
});

test("the programme administrator's home shows open calls, decisions owed and the budget", async ({
  signedIn,
}) => {
  const priya = await signedIn("programAdmin");
  const home = priya.getByTestId("programme-admin-home");
  // The seed names its calls after the season they open in (demoCallName).
  await expect(home.getByTestId("open-calls")).toContainText(
    new RegExp(`${SEEDED_PROGRAMME} — (Spring|Summer|Autumn|Winter) \\d{4}(–\\d{2})? call`),
  );
  await expect(home.getByRole("table", { name: /Submitted or under review/ })).toContainText(
    UNDER_REVIEW,
  );
  // Nobody with a platform role is only told to create an organisation.
  await expect(priya.getByText("You are not in an organisation yet")).toHaveCount(0);

  // The committed figure is the one the programme's own page shows as awarded.
  const budget = home
    .getByTestId("programme-budgets")
    .getByRole("listitem")
    .filter({ hasText: SEEDED_PROGRAMME });
  const committed =
    (await budget
      .getByText(/^€[\d,.]+$/)
      .first()
      .textContent()) ?? "";
  expect(committed).toMatch(/^€[1-9][\d,]*\.\d\d$/);
  await budget.getByRole("link", { name: SEEDED_PROGRAMME }).click();
  await expect(priya.getByTestId("budget-meter-text")).toContainText(`${committed} of `, MOVES);
});

test("the reviewer's home lists the reviews still to score", async ({ signedIn }) => {
  const rui = await signedIn("reviewer");
  const home = rui.getByTestId("reviewer-home");
  await expect(home.getByRole("heading", { name: /Reviews waiting for you/ })).toBeVisible();
  await home.getByRole("link", { name: UNDER_REVIEW }).click();
  await expect(rui.getByRole("heading", { level: 1, name: UNDER_REVIEW })).toBeVisible();
});

test("the operator's home shows GPUs in use of capacity per cluster, the backlog and dead letters", async ({
  signedIn,
}) => {
  test.setTimeout(150_000);
  const omar = await signedIn("operator");
  const home = omar.getByTestId("operator-home");
  const h100Use = (cluster: RegExp) =>
    home
      .getByRole("table", { name: cluster })
      .getByTestId("capacity-row")
      .filter({ hasText: "h100-80gb" })
      .getByTestId("capacity-use");
  await expect(h100Use(/^Simulated cluster: capacity/)).toHaveText(/^\d+ of 16 GPUs$/);
  // The seed's Slurm cluster is retired and idle: not capacity now, so not listed.
  await expect(
    home.getByRole("table", { name: /^National AI Training Cluster \(Slurm\): capacity/ }),
  ).toHaveCount(0);
  await expect(home.getByTestId("waiting-jobs")).toHaveText(/^\d+$/);
  await expect(home.getByTestId("dead-letters")).toHaveText(/^\d+$/);
  await expect(home.getByRole("link", { name: "Dead letters" })).toHaveAttribute(
    "href",
    "/operator/operations",
  );

  await test.step("a researcher's 2-GPU job shows as GPUs in use, without a reload", async () => {
    await markDocument(omar);
    const name = `Capacity probe ${uniqueSuffix()}`;
    const ada = await submitAsAda(signedIn, {
      name,
      gpus: "2",
      command: "python probe.py",
      simSeconds: "600",
    });
    await expect(h100Use(/^Simulated cluster: capacity/)).toHaveText(
      /^([2-9]|1[0-6]) of 16 GPUs$/,
      MOVES,
    );
    expect(await stillSameDocument(omar)).toBe(true);
    // Give the GPUs back for the other tests.
    await ada.getByRole("button", { name: "Cancel job" }).click();
    await ada
      .getByRole("dialog", { name: `Cancel ${name}?` })
      .getByRole("button", { name: "Cancel job" })
      .click();
    await expectCancelTaken(ada);
  });
});

test("the platform administrator's home shows the verification queue and the audit chain", async ({
  signedIn,
}) => {
  const paula = await signedIn("platformAdmin");
  const home = paula.getByTestId("platform-admin-home");
  await expect(home.getByTestId("verification-queue")).toContainText("Lumen Robotics");
  await expect(home.getByTestId("audit-chain")).toContainText("Intact");
  await expect(home.getByTestId("audit-chain")).toContainText(/events checked at/);
  await expect(paula.getByText("You are not in an organisation yet")).toHaveCount(0);
  await expect(paula.getByTestId("next-steps")).toContainText(/waiting for verification/);
});

test("a reviewer hears of an assignment, and an award asks once, warning of an unfinished review", async ({
  signedIn,
}) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const priya = await signedIn("programAdmin");
  const programme = await createProgramme(priya, {
    name: `Home Fund ${suffix}`,
    budget: "100000",
    rate: "50",
    cap: "100000",
  });
  const ada = await signedIn("researcher");
  const application = await applyToProgramme(ada, programme, {
    title: `Notified review ${suffix}`,
    project: "Multilingual speech models",
    resourceClass: "NVIDIA H100 80 GB (h100-80gb)",
    hours: "100",
    // 100 h × €2.95 = €295.00; the programme pays half.
    expectTotals: { list: "€295.00", programme: "€147.50", tenant: "€147.50" },
  });
  const rui = persona("reviewer");
  await openAdminApplication(priya, programme, application);
  await assignReviewer(priya, rui.name);

  await test.step("the reviewer is told in the portal, with a link to the review", async () => {
    const reviewer = await signedIn("reviewer");
    await reviewer.goto("/notifications");
    const notice = reviewer
      .getByTestId("notification")
      .filter({ hasText: `Review assigned: ${application.title}` });
    await expect(notice).toHaveCount(1);
    await notice.getByRole("link", { name: /^Open/ }).click();
    await expect(
      reviewer.getByRole("heading", { level: 1, name: application.title }),
    ).toBeVisible();
  });

  await test.step("approving asks once, names what it commits and warns of the missing score", async () => {
    await priya.getByRole("button", { name: "Approve and grant" }).click();
    const dialog = priya.getByRole("dialog", { name: `Approve “${application.title}”?` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("approve-warning")).toContainText(
      `${rui.name} has neither scored nor declared a conflict.`,
    );
    await expect(dialog).toContainText("commits €147.50 of its budget");
    await expect(dialog).toContainText("The organisation pays €147.50");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(priya.getByTestId("application-status")).toHaveText("Under review");
  });
});

test("each person chooses which notifications also come by mail", async ({ signedIn }) => {
  const bruno = await signedIn("researcher2");
  await bruno.goto("/notifications");
  await bruno.getByRole("link", { name: "Mail settings" }).click();
  await expect(
    bruno.getByRole("heading", { level: 1, name: "Notification settings" }),
  ).toBeVisible();
  const jobs = bruno.getByLabel("one of my jobs completes, fails, is cancelled or is lost");
  await expect(jobs).toBeChecked();
  await jobs.uncheck();
  await bruno.getByRole("button", { name: "Save settings" }).click();
  await expect(bruno.getByText("Settings saved.")).toBeVisible();
  await bruno.reload();
  await expect(jobs).not.toBeChecked();
  await expect(bruno.getByLabel("I am asked to review an application")).toBeChecked();
  await jobs.check();
  await bruno.getByRole("button", { name: "Save settings" }).click();
  await expect(bruno.getByText("Settings saved.")).toBeVisible();
});

test("an organisation with compute left and nothing running is offered a job or an endpoint", async ({
  signedIn,
}) => {
  const chiara = await signedIn("founder");
  const step = chiara
    .getByTestId("next-steps")
    .getByRole("listitem")
    .filter({ hasText: "Vela Vision Systems has compute left and nothing running or waiting" });
  await expect(step).toContainText(
    "submit a training job, or deploy a model as an inference endpoint",
  );
  await step.getByRole("link", { name: "Deploy an endpoint" }).click();
  await expect(chiara).toHaveURL(/\/endpoints\/new$/);
  await chiara.goBack();
  await step.getByRole("link", { name: "Submit a job" }).click();
  await expect(chiara).toHaveURL(/\/jobs\/new$/);
});
