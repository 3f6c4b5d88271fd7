/**
 * A detail page with an id that does not exist, or that the person may not see, answers a real
 * HTTP 404 with "Page not found" inside the portal's frame; the same page with a real id answers
 * 200. One test per persona whose detail pages these are.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { fillJobForm, NORTHBRIDGE, openOrganisation, submitJob } from "./support/jobs";
import { uniqueSuffix } from "./support/personas";

const BAD_ID = "no-such-id";
const SEEDED_PROGRAMME = "National AI Compute Programme 2026";

/**
 * The first link on a list page whose path has the given shape (the list shows real rows). The
 * list may fill in after the page has loaded, so this waits for such a link to be there.
 */
async function firstLink(page: Page, listPath: string, shape: RegExp): Promise<string> {
  await page.goto(listPath);
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const hrefs = await page
          .getByRole("main")
          .locator("a[href]")
          .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
        found = hrefs.find((candidate) => shape.test(candidate));
        return found;
      },
      { message: `a link like ${String(shape)} on ${listPath}`, timeout: 20_000 },
    )
    .toBeDefined();
  return found ?? "";
}

async function expectFound(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("not-found")).toHaveCount(0);
}

async function expectNotFound(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
}

test("a researcher's job and application pages: 200 for a real id, 404 for a bad one", async ({
  signedIn,
}) => {
  // A job submitted, then nine pages each checked with axe.
  test.setTimeout(120_000);
  const ada = await signedIn("researcher");
  const organizationId = await openOrganisation(ada, NORTHBRIDGE);
  const org = `/orgs/${organizationId}`;

  await ada.goto(`${org}/jobs/new`);
  const name = `Not-found check ${uniqueSuffix()}`;
  await fillJobForm(ada, {
    name,
    project: "Multilingual speech models",
    gpus: "1",
    hours: "1",
    template: "PyTorch distributed (DDP)",
    command: "python train.py --epochs 1",
  });
  const workloadId = await submitJob(ada, name);
  await expectFound(ada, `${org}/jobs/${workloadId}`);
  const application = await firstLink(
    ada,
    `${org}/applications`,
    new RegExp(`^${org}/applications/(?!new$)[^/?]+$`),
  );
  await expectFound(ada, application);
  await expectFound(ada, `${application}/edit`);

  await expectNotFound(ada, `${org}/jobs/${BAD_ID}`);
  await expectNotFound(ada, `${org}/endpoints/${BAD_ID}`);
  await expectNotFound(ada, `${org}/applications/${BAD_ID}`);
  await expectNotFound(ada, `${org}/applications/${BAD_ID}/edit`);
  // A segment that cannot be an id at all names nothing either (not "that is not a valid id").
  await expectNotFound(ada, `${org}/jobs/a.b`);
  await expectNotFound(ada, `${org}/applications/${"x".repeat(65)}`);
});

test("an invitation link that names no invitation is a 404", async ({ signedIn }) => {
  const ada = await signedIn("researcher");
  await expectNotFound(ada, "/invitations/nope");
  await expectNotFound(ada, "/invitations/a.b");
});

test("an application that can no longer be edited has no edit page: its own page instead", async ({
  signedIn,
}) => {
  const ada = await signedIn("researcher");
  const org = `/orgs/${await openOrganisation(ada, NORTHBRIDGE)}`;
  await ada.goto(`${org}/applications`);
  // Approved in the seed.
  const approved =
    (await ada
      .getByRole("link", { name: "Speech encoder pilot runs", exact: true })
      .first()
      .getAttribute("href")) ?? "";
  expect(approved).toMatch(new RegExp(`^${org}/applications/[^/?]+$`));
  // A real HTTP redirect, answered before any of the edit page is sent.
  const redirect = await ada.request.get(`${approved}/edit`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()["location"]).toMatch(new RegExp(`${approved}$`));
  expect(await redirect.text()).not.toContain("Change the application, then save it.");
  const response = await ada.goto(`${approved}/edit`);
  expect(response?.status()).toBeLessThan(400);
  await expect(ada).toHaveURL(new RegExp(`${approved}$`));
  await expect(
    ada.getByRole("heading", { level: 1, name: "Speech encoder pilot runs" }),
  ).toBeVisible();
  await expect(ada.getByText("Change the application, then save it.")).toHaveCount(0);
});

test("the platform administrator's organisation page: 200 for a real id, 404 for a bad one", async ({
  signedIn,
}) => {
  const paula = await signedIn("platformAdmin");
  const organisation = await firstLink(
    paula,
    "/admin/organizations?status=VERIFIED",
    /^\/admin\/organizations\/[^/?]+$/,
  );
  await expectFound(paula, organisation);
  await expectNotFound(paula, `/admin/organizations/${BAD_ID}`);
});

test("the programme administrator's programme and application pages: 200 for a real id, 404 for a bad one", async ({
  signedIn,
}) => {
  const priya = await signedIn("programAdmin");
  await priya.goto("/admin/programmes");
  const programme =
    (await priya.getByRole("link", { name: SEEDED_PROGRAMME }).first().getAttribute("href")) ?? "";
  await expectFound(priya, programme);
  const application = await firstLink(
    priya,
    programme,
    new RegExp(`^${programme}/applications/[^/?]+$`),
  );
  await expectFound(priya, application);

  await expectNotFound(priya, `/admin/programmes/${BAD_ID}`);
  await expectNotFound(priya, `/admin/programmes/${BAD_ID}/applications/${BAD_ID}`);
  await expectNotFound(priya, `${programme}/applications/${BAD_ID}`);
  // A real application under another programme's address is not found there either.
  const applicationId = application.split("/").at(-1) ?? "";
  await expectNotFound(priya, `/admin/programmes/${BAD_ID}/applications/${applicationId}`);
});

test("the operator's cluster, resource class and job template pages: 200 for a real id, 404 for a bad one", async ({
  signedIn,
}) => {
  const omar = await signedIn("operator");
  const cluster = await firstLink(
    omar,
    "/operator/catalogue",
    /^\/operator\/catalogue\/clusters\/[^/?]+$/,
  );
  const resourceClass = await firstLink(
    omar,
    "/operator/catalogue",
    /^\/operator\/catalogue\/resource-classes\/[^/?]+$/,
  );
  const template = await firstLink(
    omar,
    "/operator/job-templates",
    /^\/operator\/job-templates\/[^/?]+$/,
  );
  await expectFound(omar, cluster);
  await expectFound(omar, resourceClass);
  await expectFound(omar, template);

  await expectNotFound(omar, `/operator/catalogue/clusters/${BAD_ID}`);
  await expectNotFound(omar, `/operator/catalogue/clusters/%E2%9C%93`);
  await expectNotFound(omar, `/operator/catalogue/resource-classes/${BAD_ID}`);
  await expectNotFound(omar, `/operator/job-templates/${BAD_ID}`);
});

test("a reviewer's review page: 200 for their own, 404 for a bad id and for another reviewer's", async ({
  signedIn,
}) => {
  const rui = await signedIn("reviewer");
  const review = await firstLink(rui, "/reviews?show=all", /^\/reviews\/[^/?]+$/);
  await expectFound(rui, review);
  await expectNotFound(rui, `/reviews/${BAD_ID}`);

  const sofia = await signedIn("reviewer2");
  await expectNotFound(sofia, review);
});
