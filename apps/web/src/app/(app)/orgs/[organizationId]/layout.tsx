import type { ReactNode } from "react";
import { loadOrganisation } from "@/server/organisation";

/**
 * Membership is checked here, above the pages' loading boundary, so that a stranger gets a real
 * 404 response (not a streamed page that says "not found").
 */
export default async function OrganisationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ organizationId: string }>;
}) {
  await loadOrganisation((await params).organizationId);
  return children;
}
