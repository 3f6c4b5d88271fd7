import type { Metadata } from "next";
import { Card, PageHeader } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { InvitationsTable } from "@/components/forms/invitations-table";
import { InviteForm } from "@/components/forms/invite-form";
import { LeaveOrganisation } from "@/components/forms/leave-organisation";
import { MembersTable } from "@/components/forms/members-table";
import { VerificationBadge } from "@/components/status-badge";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";
import { load } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";
import { requireUser } from "@/server/session";

interface Props {
  params: Promise<{ organizationId: string }>;
}

export const metadata: Metadata = { title: t.members.title };

export default async function MembersPage({ params }: Props) {
  const { organizationId } = await params;
  const user = await requireUser();
  const organisation = await loadOrganisation(organizationId);
  const canInvite = roleMay(organisation.role, "members.invite");
  const canManage = roleMay(organisation.role, "members.updateRole");
  const [members, invitations] = await Promise.all([
    load((api) => api.members.list({ organizationId })),
    roleMay(organisation.role, "invitations.read")
      ? load((api) => api.invitations.list({ organizationId }))
      : Promise.resolve(null),
  ]);

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.dashboard, href: routes.dashboard },
          { label: organisation.name, href: routes.organisation(organizationId) },
          { label: t.members.title },
        ]}
      />
      <PageHeader
        title={t.members.title}
        description={t.members.lead}
        meta={<VerificationBadge status={organisation.status} />}
      />
      <div className="space-y-8">
        <MembersTable
          organizationId={organizationId}
          organisationName={organisation.name}
          members={members}
          currentUserId={user.id}
          canManage={canManage}
        />
        {canInvite ? (
          <Card title={t.members.inviteTitle}>
            <p className="mb-4 text-fg-muted">{t.members.inviteLead}</p>
            <InviteForm organizationId={organizationId} />
          </Card>
        ) : null}
        {invitations ? (
          <Card title={t.members.invitationsTitle}>
            <InvitationsTable organizationId={organizationId} invitations={invitations} />
          </Card>
        ) : null}
        <Card title={t.members.leaveTitle}>
          <LeaveOrganisation organizationId={organizationId} organisationName={organisation.name} />
        </Card>
      </div>
    </>
  );
}
