import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName, PageHeader } from "@tessera/ui";
import { roleMay } from "@tessera/core";
import { gatewayBaseUrl, serverEnv } from "@tessera/config";
import { ApiKeysView } from "@/components/api-keys/api-keys-view";
import { Breadcrumbs, organisationCrumbs } from "@/components/breadcrumbs";
import { ForbiddenPage } from "@/components/forbidden-page";
import { tk } from "@/i18n";
import { routes } from "@/lib/paths";
import { param, type SearchParams } from "@/lib/search-params";
import { load, loadIfAllowed } from "@/server/api";
import { loadOrganisation } from "@/server/organisation";

export const metadata: Metadata = { title: tk.title };

interface Props {
  params: Promise<{ organizationId: string }>;
  searchParams: SearchParams;
}

const PAGE_SIZE = 25;

export default async function ApiKeysPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const cursor = param((await searchParams).cursor);
  const organisation = await loadOrganisation(organizationId);
  const [listed, options] = await Promise.all([
    loadIfAllowed((api) => api.apiKeys.list({ organizationId, cursor, limit: PAGE_SIZE })),
    load((api) => api.apiKeys.formOptions({ organizationId })),
  ]);
  const crumbs = organisationCrumbs(organisation, tk.title);
  if (!listed.allowed)
    return (
      <ForbiddenPage
        crumbs={crumbs}
        invalid={listed.invalid}
        resetHref={routes.apiKeys(organizationId)}
      />
    );
  const page = listed.data;
  const verified = organisation.status === "VERIFIED";
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader
        title={tk.title}
        description={tk.lead}
        actions={
          <Link href={routes.apiKeyUsage(organizationId)} className={buttonClassName("secondary")}>
            {tk.usage.link}
          </Link>
        }
      />
      {verified ? null : <p className="mb-4 text-fg-muted">{tk.notVerified}</p>}
      <ApiKeysView
        organizationId={organizationId}
        page={page}
        cursor={cursor}
        options={options}
        gatewayBaseUrl={gatewayBaseUrl(serverEnv().GATEWAY_URL)}
        canCreate={roleMay(organisation.role, "apiKeys.write")}
        canDeploy={verified && roleMay(organisation.role, "endpoints.write")}
        createBlocked={verified ? null : tk.create.notVerified}
      />
    </>
  );
}
