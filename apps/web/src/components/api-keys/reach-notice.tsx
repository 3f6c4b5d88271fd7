import Link from "next/link";
import { tk } from "@/i18n";
import { routes } from "@/lib/paths";
import type { KeyReachView } from "./types";

/**
 * Why a key (or a key for a project, before it is made) reaches nothing through the gateway,
 * in words, with the link to deploy an endpoint for those who may. Null when it reaches something.
 */
export function reachProblem(reach: KeyReachView, of: "key" | "project"): string | null {
  const r = tk.reach;
  if (reach.blocked === null) return null;
  const place = reach.place;
  // Where the data has a place, and whether deploying there could help (core's remedy).
  const where = place.kind === "IN" ? place.place : "";
  if (place.kind === "NOWHERE") {
    return (of === "key" ? r.nowhere : r.projectNowhere)(place.residency, place.country);
  }
  if (reach.blocked === "SCOPE") return r.scope;
  if (reach.remedy === "NEW_KEY") return r.scopePlace(where);
  if (reach.remedy === "ASK_OPERATORS")
    return (of === "key" ? r.noCluster : r.projectNoCluster)(where);
  if (reach.blocked === "NONE") return of === "key" ? r.none : r.projectNone;
  if (reach.blocked === "MODELS") return r.models(where || null);
  // Refused by place: the project's data has a place (ANYWHERE would refuse nothing).
  return (of === "key" ? r.place : r.projectPlace)(where);
}

export function ReachNotice({
  reach,
  of,
  organizationId,
  projectId,
  canDeploy,
  extra,
  className,
  testId,
}: {
  reach: KeyReachView;
  of: "key" | "project";
  organizationId: string;
  /** The key's project: the deploy form opens with it chosen. */
  projectId: string;
  /** The signed-in member may deploy endpoints: the notice links to the deploy form. */
  canDeploy: boolean;
  /** A sentence after the reason (the example's "put its model's name in place of <model>"). */
  extra?: string;
  className?: string;
  testId?: string;
}) {
  const problem = reachProblem(reach, of);
  if (problem === null) return null;
  return (
    <p className={className} data-testid={testId}>
      {problem}
      {extra ? ` ${extra}` : null}
      {reach.remedy === "ASK_OPERATORS" ? (
        <>
          {" "}
          <Link href={routes.help} className="underline">
            {tk.reach.askOperators}
          </Link>
        </>
      ) : canDeploy && reach.remedy === "DEPLOY" ? (
        <>
          {" "}
          <Link href={routes.newEndpoint(organizationId, projectId)} className="underline">
            {tk.reach.deploy}
          </Link>
        </>
      ) : null}
    </p>
  );
}
