import { persona } from "@tessera/config";
import { expect, test } from "./support/fixtures";
import {
  createOrganisation,
  invitationLinkFromOutbox,
  invite,
  openInReviewQueue,
} from "./support/flows";
import { uniqueSuffix } from "./support/personas";

const bruno = persona("researcher2");

test("an organisation is onboarded, verified, joined and audited", async ({
  signedIn,
  newPage,
}) => {
  test.setTimeout(300_000);
  const suffix = uniqueSuffix();
  const founder = await signedIn("founder");

  const organisation =
    await test.step("the founder creates an organisation and sees it pending", async () => {
      const created = await createOrganisation(
        founder,
        `Helix Robotics ${suffix}`,
        `E2E-${suffix}`,
      );
      await expect(
        founder.getByRole("main").getByText("Pending", { exact: true }).first(),
      ).toBeVisible();
      await expect(
        founder.getByText("Only verified organisations can apply for compute or launch workloads"),
      ).toBeVisible();
      return created;
    });

  await test.step("the platform administrator verifies it from the review queue", async () => {
    const admin = await signedIn("platformAdmin");
    await openInReviewQueue(admin, organisation);
    await admin.getByRole("button", { name: "Verify organisation" }).click();
    const dialog = admin.getByRole("dialog", { name: `Verify ${organisation.name}?` });
    await expect(dialog).toContainText("Its members can then apply for compute");
    await dialog.getByRole("button", { name: "Verify organisation" }).click();
    await expect(admin.getByText("Organisation verified.")).toBeVisible();
    await expect(
      admin.getByRole("main").getByText("Verified", { exact: true }).first(),
    ).toBeVisible();
  });

  await test.step("the founder sees it verified and invites Bruno as a member", async () => {
    await founder.goto(`/orgs/${organisation.id}`);
    await expect(
      founder.getByText("Your organisation is verified and can apply for compute."),
    ).toBeVisible();
    await invite(founder, organisation, bruno.email, "MEMBER");
  });

  await test.step("with no allocation yet, billing points to a programme, not to a job", async () => {
    await founder.goto(`/orgs/${organisation.id}/billing`);
    await expect(founder.getByText("No charges yet this month")).toBeVisible();
    await expect(founder.getByRole("link", { name: "Apply for an allocation" })).toBeVisible();
    await expect(founder.getByRole("link", { name: "Launch a job" })).toHaveCount(0);
  });

  const link =
    await test.step("the invitation link is read from the development outbox", async () => {
      // Bruno reads his own mail: the development outbox shows each person only theirs.
      const outbox = await signedIn("researcher2");
      return invitationLinkFromOutbox(outbox, bruno.email, organisation.name);
    });

  await test.step("Bruno signs in and accepts the invitation", async () => {
    const brunoPage = await signedIn("researcher2");
    await brunoPage.goto(link);
    await expect(
      brunoPage.getByText(`You have been invited to join ${organisation.name} as Member.`),
    ).toBeVisible();
    await brunoPage.getByRole("button", { name: "Accept invitation" }).click();
    await brunoPage.waitForURL(`**/orgs/${organisation.id}`);
    await expect(
      brunoPage.getByRole("heading", { level: 1, name: organisation.name }),
    ).toBeVisible();
  });

  await test.step("the founder makes Bruno an admin", async () => {
    await founder.goto(`/orgs/${organisation.id}/members`);
    const row = founder.getByTestId(`member-${bruno.email}`);
    await row.getByLabel(`Role for ${bruno.name}`).selectOption("ADMIN");
    await row.getByRole("button", { name: "Save changes" }).click();
    await expect(founder.getByText(`${bruno.name} is now Admin.`)).toBeVisible();
    await founder.reload();
    await expect(
      founder.getByTestId(`member-${bruno.email}`).getByLabel(`Role for ${bruno.name}`),
    ).toHaveValue("ADMIN");
  });

  await test.step("the organisation's audit log shows what happened", async () => {
    await founder
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Audit log" })
      .click();
    await expect(founder.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    for (const action of [
      "organization.created",
      "organization.verified",
      "invitation.created",
      "invitation.accepted",
      "membership.role_changed",
    ]) {
      await expect(founder.locator(`tr[data-action="${action}"]`).first()).toBeVisible();
    }
    await founder.getByLabel("Action").selectOption("membership.role_changed");
    await founder.getByRole("button", { name: "Apply filters" }).click();
    await expect(founder.locator("tbody tr")).toHaveCount(1);
    await expect(founder.locator("tbody tr").first()).toContainText(persona("founder").email);
  });

  await test.step("a stranger opening the organisation gets the not-found page", async () => {
    const ada = await signedIn("researcher");
    const response = await ada.goto(`/orgs/${organisation.id}`);
    expect(response?.status()).toBe(404);
    await expect(ada.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(ada.getByText(organisation.name)).toHaveCount(0);
    await ada.goto(`/orgs/${organisation.id}/members`);
    await expect(ada.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  });

  await test.step("signing out ends the session on the server", async () => {
    const cookies = await founder.context().cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("authjs.session-token"));
    if (!session) throw new Error("No session cookie after signing in");
    await founder.getByRole("button", { name: "Signed in as Chiara Rossi" }).click();
    await founder.getByRole("button", { name: "Sign out" }).filter({ visible: true }).click();
    await founder.waitForURL((url) => url.pathname === "/");
    await expect(founder.getByRole("link", { name: "Sign in" })).toBeVisible();

    // The old cookie, replayed in a fresh browser, no longer opens anything.
    const replay = await newPage();
    await replay.context().addCookies([session]);
    await replay.goto("/dashboard");
    await expect(replay).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
  });
});
