import type { Metadata } from "next";
import { Card, Td, Th } from "@tessera/ui";
import { countsTokens } from "@tessera/core";
import { ModelForm } from "@/components/endpoints/model-form";
import { ModelSharingForm } from "@/components/endpoints/model-sharing-form";
import { openParts } from "@/components/endpoints/model-provenance";
import { ForbiddenPage } from "@/components/forbidden-page";
import { PlatformPage } from "@/components/platform-page";
import { ActiveBadge } from "@/components/programmes/badges";
import { ScrollTable } from "@/components/programmes/scroll-table";
import { te } from "@/i18n";
import { load } from "@/server/api";
import { platformPageAccess } from "@/server/platform-page";

export const metadata: Metadata = { title: te.models.title };

export default async function ModelsPage() {
  const m = te.models;
  const { crumbs, mayRead, canManage } = await platformPageAccess(
    m.title,
    "catalogue.read",
    "catalogue.manage",
  );
  if (!mayRead) return <ForbiddenPage crumbs={crumbs} title={m.title} />;
  const [models, classes] = await Promise.all([
    load((api) => api.models.all()),
    canManage
      ? load((api) => api.catalogue.resourceClasses.list({ limit: 100 }))
      : Promise.resolve(null),
  ]);
  const tiers = (classes?.items ?? []).filter((rc) => rc.active && countsTokens(rc.kind));

  return (
    <PlatformPage
      crumbs={crumbs}
      title={m.title}
      lead={m.lead}
      readOnlyNote={canManage ? null : m.readOnly}
    >
      {models.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface px-4 py-6 text-fg-muted">
          {m.empty}
        </p>
      ) : (
        <ScrollTable caption={m.caption} stickyFirstColumn>
          <thead>
            <tr>
              <Th>{m.name}</Th>
              <Th>{m.licence}</Th>
              <Th>{m.openness}</Th>
              <Th>{m.open}</Th>
              <Th>{m.tokenTier}</Th>
              <Th>{m.digest}</Th>
              <Th>{m.active}</Th>
            </tr>
          </thead>
          <tbody>
            {models.map((model) => (
              <tr key={model.id} data-testid="model-row">
                <Td className="min-w-48 max-w-56 sm:max-w-none">
                  <span className="block break-all font-mono font-semibold">{model.name}</span>
                  <span className="block text-fg-muted">
                    {model.family} · {te.provenance.parametersBrief(model.parameters)}
                  </span>
                  {model.restrictions ? (
                    <span className="block text-sm">
                      {te.provenance.restrictions}: {model.restrictions}
                    </span>
                  ) : null}
                </Td>
                <Td className="font-mono">{model.licenseSpdx}</Td>
                <Td className="whitespace-nowrap">{te.openness[model.openness]}</Td>
                <Td className="min-w-40">{openParts(model)}</Td>
                <Td className="min-w-48">
                  <div data-testid="model-sharing">
                    {model.tokenTier ? (
                      <>
                        {/* The tier's own name says what it shares ("Shared 8B chat model — tokens"). */}
                        <span className="block">{model.tokenTier.name}</span>
                        {model.fallbackModel ? (
                          <span className="block break-all text-sm text-fg-muted">
                            {m.fallbackValue(model.fallbackModel.name)}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      <span className="text-fg-muted">{m.notShared}</span>
                    )}
                  </div>
                </Td>
                <Td className="min-w-48 break-all font-mono text-xs">{model.weightsSha256}</Td>
                <Td>
                  <ActiveBadge active={model.active} />
                </Td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      {canManage && models.length > 0 ? (
        <Card title={m.sharing.title}>
          <p className="mb-4 text-sm text-fg-muted">{m.sharing.lead}</p>
          <ModelSharingForm models={models} tiers={tiers} />
        </Card>
      ) : null}
      {canManage ? (
        <Card title={m.newTitle}>
          <ModelForm />
        </Card>
      ) : null}
    </PlatformPage>
  );
}
