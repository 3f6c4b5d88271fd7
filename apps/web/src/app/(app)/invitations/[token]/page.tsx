import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card, DescriptionList, PageHeader } from "@tessera/ui";
import { signOutAction } from "@/app/actions";
import { AcceptInvitation } from "@/components/forms/accept-invitation";
import { countryName, formatDateTime, t } from "@/i18n";
import { routes } from "@/lib/paths";
import { notFoundUnlessRowIds } from "@/server/entity-layout";
import { loadInvitation } from "@/server/invitations";
import { requireUser } from "@/server/session";

interface Props {
  params: Promise<{ token: string }>;
}

export const metadata: Metadata = { title: t.invitation.title, referrer: "no-referrer" };

function DashboardLink() {
  return (
    <p className="mt-2">
      <Link href={routes.dashboard} className="font-semibold underline">
        {t.invitation.goToDashboard}
      </Link>
    </p>
  );
}

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const user = await requireUser();
  // Beside the layout, not after it: a token that cannot be one is not looked up here either.
  notFoundUnlessRowIds({ token });
  const invitation = await loadInvitation(token);

  const role = t.roles[invitation.role] ?? invitation.role;
  const wrongAccount = (user.email ?? "").toLowerCase() !== invitation.email.toLowerCase();

  return (
    <>
      <PageHeader
        title={t.invitation.title}
        description={t.invitation.lead(invitation.organization.name, role)}
      />
      <div className="max-w-2xl space-y-6">
        <Card title={invitation.organization.name}>
          <DescriptionList
            items={[
              {
                term: t.organisation.kind,
                detail: t.kinds[invitation.organization.kind] ?? invitation.organization.kind,
              },
              {
                term: t.organisation.country,
                detail: countryName(invitation.organization.country),
              },
              { term: t.invitation.role, detail: role },
              { term: t.invitation.invitedEmail, detail: invitation.email },
              { term: t.invitation.invitedBy, detail: invitation.invitedBy.name ?? "—" },
              { term: t.invitation.expires, detail: formatDateTime(invitation.expiresAt) },
            ]}
          />
        </Card>

        {invitation.status === "EXPIRED" ? (
          <Alert tone="warning" title={t.invitation.expiredTitle}>
            <p>{t.invitation.expiredBody}</p>
            <DashboardLink />
          </Alert>
        ) : invitation.status === "ACCEPTED" ? (
          <Alert tone="info" title={t.invitation.usedTitle}>
            <p>{t.invitation.usedBody}</p>
            <DashboardLink />
          </Alert>
        ) : invitation.status === "REVOKED" ? (
          <Alert tone="warning" title={t.invitation.revokedTitle}>
            <p>{t.invitation.revokedBody}</p>
            <DashboardLink />
          </Alert>
        ) : wrongAccount ? (
          <Alert tone="warning" title={t.invitation.wrongAccountTitle}>
            <p>{t.invitation.wrongAccountBody(invitation.email, user.email ?? "")}</p>
            <form action={signOutAction} className="mt-3">
              <button type="submit" className="font-semibold underline">
                {t.header.signOut}
              </button>
            </form>
          </Alert>
        ) : (
          <AcceptInvitation token={token} />
        )}
      </div>
    </>
  );
}
