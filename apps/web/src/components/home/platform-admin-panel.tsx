import Link from "next/link";
import { Badge, Card } from "@tessera/ui";
import { formatNumber } from "@/components/programmes/format";
import { countryName, formatDate, formatDateTime, t, th } from "@/i18n";
import { routes } from "@/lib/paths";
import type { PlatformAdminHome } from "./types";

/** A platform administrator's part of the home page: the verification queue and the audit chain. */
export function PlatformAdminPanel({ home }: { home: PlatformAdminHome }) {
  const p = th.home.platformAdmin;
  const queue = home.verificationQueue;
  const chain = home.auditChain;
  return (
    <section
      aria-labelledby="platform-heading"
      className="space-y-4"
      data-testid="platform-admin-home"
    >
      <h2 id="platform-heading" className="text-xl font-semibold">
        {p.heading}
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={`${p.verificationQueue} (${queue.total})`}>
          {queue.total === 0 ? (
            <p className="text-fg-muted">{p.noneWaiting}</p>
          ) : (
            <ul className="space-y-2" data-testid="verification-queue">
              {queue.oldest.map((organisation) => (
                <li key={organisation.id}>
                  <Link
                    href={routes.adminOrganisation(organisation.id)}
                    className="font-semibold text-link underline"
                  >
                    {organisation.name}
                  </Link>
                  <span className="block text-sm text-fg-muted">
                    {t.kinds[organisation.kind] ?? organisation.kind} ·{" "}
                    {countryName(organisation.country)} ·{" "}
                    {p.submitted(formatDate(organisation.createdAt))}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={p.auditChain}>
          <div className="space-y-2" data-testid="audit-chain">
            <Badge tone={chain.ok ? "success" : "danger"}>
              {chain.ok ? p.chainIntact : p.chainBroken}
            </Badge>
            <p>{p.chainChecked(formatNumber(chain.checked), formatDateTime(chain.checkedAt))}</p>
            {chain.ok ? null : (
              <p className="font-semibold text-danger">{p.chainBrokenAt(String(chain.brokenAt))}</p>
            )}
            {chain.lastEventAt ? (
              <p className="text-sm text-fg-muted">
                {p.lastEvent(formatDateTime(chain.lastEventAt))}
              </p>
            ) : null}
            <Link href={routes.adminAudit} className="text-link underline">
              {p.openAudit}
            </Link>
          </div>
        </Card>
      </div>
    </section>
  );
}
