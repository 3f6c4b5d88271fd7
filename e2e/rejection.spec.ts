import { persona } from "@tessera/config";
import { expect, test } from "./support/fixtures";
import {
  createOrganisation,
  invitationLinkFromOutbox,
  invite,
  openInReviewQueue,
} from "./support/flows";
import { uniqueSuffix } from "./support/personas";

const REASON = "The registry number does not match the national company register.";

test("a rejection reason reaches the members, and correcting the details resubmits", async ({
  signedIn,
}) => {
  test.setTimeout(150_000);
  const suffix = uniqueSuffix();
  const bruno = persona("researcher2");
  const founder = await signedIn("founder");
  const organisation = await createOrganisation(
    founder,
    `Quanta Analytics ${suffix}`,
    `QA-${suffix}`,
  );

  await invite(founder, organisation, bruno.email, "VIEWER");
  // Bruno reads his own mail: the development outbox shows each person only theirs.
  const brunoPage = await signedIn("researcher2");
  const link = await invitationLinkFromOutbox(brunoPage, bruno.email, organisation.name);
  await brunoPage.goto(link);
  await brunoPage.getByRole("button", { name: "Accept invitation" }).click();
  await brunoPage.waitForURL(`**/orgs/${organisation.id}`);

  await test.step("a too-short reason is refused with a clear error", async () => {
    const admin = await signedIn("platformAdmin");
    await openInReviewQueue(admin, organisation);
    await admin.getByLabel("Reason for rejection").fill("No.");
    await admin.getByRole("button", { name: "Reject organisation" }).click();
    await expect(admin.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
    await expect(
      admin.getByRole("main").getByText("Pending", { exact: true }).first(),
    ).toBeVisible();

    await admin.getByLabel("Reason for rejection").fill(REASON);
    await admin.getByRole("button", { name: "Reject organisation" }).click();
    const dialog = admin.getByRole("dialog", { name: `Reject ${organisation.name}?` });
    await expect(dialog).toContainText("It cannot apply for compute or launch jobs");
    await dialog.getByRole("button", { name: "Reject organisation" }).click();
    await expect(admin.getByText("Organisation rejected.")).toBeVisible();
    await expect(
      admin.getByRole("main").getByText("Rejected", { exact: true }).first(),
    ).toBeVisible();
  });

  await test.step("a member who is not an owner sees the rejection and its reason", async () => {
    await brunoPage.reload();
    await expect(brunoPage.getByText("Verification was rejected")).toBeVisible();
    await expect(brunoPage.getByTestId("status-reason")).toHaveText(REASON);
    // A viewer cannot change the details, so the page does not offer to.
    await expect(brunoPage.getByRole("link", { name: "Correct details and resubmit" })).toHaveCount(
      0,
    );
  });

  await test.step("the owner corrects the details and resubmits", async () => {
    await founder.goto(`/orgs/${organisation.id}`);
    await expect(founder.getByTestId("status-reason")).toHaveText(REASON);
    await founder.getByRole("link", { name: "Correct details and resubmit" }).click();
    await founder.getByLabel("Registry number").fill(`QA-${suffix}-1`);
    await founder.getByRole("button", { name: "Save and resubmit" }).click();
    await expect(founder.getByText("Details saved and resubmitted for review.")).toBeVisible();
    await founder.goto(`/orgs/${organisation.id}`);
    await expect(founder.getByText("Waiting for verification")).toBeVisible();
  });
});
