import Link from "next/link";
import { Card, Td, Th } from "@tessera/ui";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { ApplicationBadge } from "@/components/programmes/badges";
import { formatMoney } from "@/components/programmes/format";
import { programmeRoutes } from "@/components/programmes/paths";
import { ProgrammeBudgetMeter } from "@/components/programmes/budget-meter";
import { formatDate, th, tp } from "@/i18n";
import type { ProgrammeAdminHome } from "./types";

/** A programme administrator's part of the home page. */
export function ProgrammeAdminPanel({ home }: { home: ProgrammeAdminHome }) {
  const p = th.home.programmeAdmin;
  const waiting = home.awaitingDecision;
  return (
    <section
      aria-labelledby="programme-admin-heading"
      className="space-y-4"
      data-testid="programme-admin-home"
    >
      <h2 id="programme-admin-heading" className="text-xl font-semibold">
        {p.heading}
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={p.openCalls}>
          {home.openCalls.length === 0 ? (
            <p className="text-fg-muted">{p.noOpenCalls}</p>
          ) : (
            <ul className="space-y-2" data-testid="open-calls">
              {home.openCalls.map((call) => (
                <li key={call.id}>
                  <Link
                    href={programmeRoutes.adminProgramme(call.programme.id)}
                    className="font-semibold text-link underline"
                  >
                    {call.programme.name}
                  </Link>{" "}
                  — {call.name}{" "}
                  <span className="text-sm text-fg-muted">
                    ({p.closes(formatDate(call.closesAt))})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={p.budget}>
          {home.programmes.length === 0 ? (
            <p className="text-fg-muted">{p.noProgrammes}</p>
          ) : (
            <ul className="space-y-4" data-testid="programme-budgets">
              {home.programmes.map((programme) => {
                const money = (minor: number) => formatMoney(minor, programme.currency);
                const label = p.budgetLabel(
                  programme.name,
                  money(programme.awardedMinor),
                  money(programme.consumedMinor),
                  money(programme.budgetMinor),
                );
                return (
                  <li key={programme.id} className="space-y-1">
                    <p className="font-semibold">
                      <Link
                        href={programmeRoutes.adminProgramme(programme.id)}
                        className="text-link underline"
                      >
                        {programme.name}
                      </Link>
                    </p>
                    <ProgrammeBudgetMeter
                      label={label}
                      currency={programme.currency}
                      budgetMinor={programme.budgetMinor}
                      awardedMinor={programme.awardedMinor}
                      consumedMinor={programme.consumedMinor}
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
      <div className="space-y-2">
        <h3 className="text-lg font-semibold">
          {p.waiting}{" "}
          <span className="tabular-nums" data-testid="awaiting-decision-count">
            ({waiting.total})
          </span>
        </h3>
        {waiting.items.length === 0 ? (
          <p className="text-fg-muted">{p.noneWaiting}</p>
        ) : (
          <ScrollTable caption={p.waitingCaption} stickyFirstColumn>
            <thead>
              <tr>
                <Th>{p.title}</Th>
                <Th>{p.organisation}</Th>
                <Th>{p.reviews}</Th>
                <Th>{p.submitted}</Th>
              </tr>
            </thead>
            <tbody>
              {waiting.items.map((application) => (
                <tr key={application.id}>
                  <Td>
                    <Link
                      href={programmeRoutes.adminApplication(
                        application.programme.id,
                        application.id,
                      )}
                      className="font-semibold text-link underline"
                    >
                      {application.title}
                    </Link>
                    {/* The programme goes under the title, so that every column, the date
                        included, fits beside the side panel on a laptop. */}
                    <span className="block text-sm text-fg-muted">
                      {p.programme}: {application.programme.name}
                    </span>
                    <span className="mt-1 block">
                      <ApplicationBadge status={application.status} />
                    </span>
                  </Td>
                  <Td>{application.organization.name}</Td>
                  <Td className="min-w-28">
                    {tp.dashboard.reviewSummary(application.reviewSummary, application.status)}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {application.submittedAt ? formatDate(application.submittedAt) : "—"}
                  </Td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </div>
    </section>
  );
}
