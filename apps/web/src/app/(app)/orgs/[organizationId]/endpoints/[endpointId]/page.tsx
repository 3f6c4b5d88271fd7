import type { Metadata } from "next";
import { gatewayBaseUrl, serverEnv } from "@tessera/config";
import { roleMay } from "@tessera/core";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { EndpointDetail } from "@/components/endpoints/endpoint-detail";
import { t, te } from "@/i18n";
import { routes } from "@/lib/paths";
import { loadEndpoint } from "@/server/endpoints";
import { loadOrganisation } from "@/server/organisation";

interface Props {
  params: Promise<{ organizationId: string; endpointId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { organizationId, endpointId } = await params;
  const endpoint = await loadEndpoint(organizationId, endpointId);
  return { title: te.detail.metaTitle(endpoint.name) };
}

export default async function EndpointPage({ params }: Props) {
  const { organizationId, endpointId } = await params;
  const organisation = await loadOrganisation(organizationId);
  const endpoint = await loadEndpoint(organizationId, endpointId);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.dashboard, href: routes.dashboard },
          { label: organisation.name, href: routes.organisation(organizationId) },
          { label: te.list.title, href: routes.endpoints(organizationId) },
          { label: endpoint.name },
        ]}
      />
      <EndpointDetail
        organizationId={organizationId}
        initial={endpoint}
        canChange={roleMay(organisation.role, "endpoints.write")}
        gatewayBaseUrl={gatewayBaseUrl(serverEnv().GATEWAY_URL)}
      />
    </>
  );
}
