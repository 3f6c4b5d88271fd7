"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@tessera/ui";
import { InputField, SelectField } from "@/components/form/fields";
import { FormFeedback } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { tsa } from "@/i18n";
import { formChecks } from "@/lib/form-checks";
import { formText } from "@/lib/form-data";
import { useTRPC } from "@/trpc/react";
import type { UndertakingGroupOption } from "./types";

const o = tsa.organisation;

const FACTS_IDS = { actsEconomically: "state-aid-acts", stateAidGroupId: "state-aid-group" };
const GROUP_IDS = { name: "group-name", country: "group-country", registryId: "group-registry" };

/**
 * A platform administrator's form for an organisation's state-aid facts: whether a university
 * or public body acts economically, and its undertaking group — with a small form to record a
 * group that is not in the list yet. Both changes are audited on the server.
 */
export function StateAidFactsForm({
  organizationId,
  kindLabel,
  economicKind,
  actsEconomically,
  groupId,
  groups,
}: {
  organizationId: string;
  kindLabel: string;
  /** Academic institutions and public bodies; others are always undertakings. */
  economicKind: boolean;
  actsEconomically: boolean;
  groupId: string | null;
  groups: readonly UndertakingGroupOption[];
}) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [acts, setActs] = useState(actsEconomically);
  const [group, setGroup] = useState(groupId ?? "");
  const facts = useFormFeedback(FACTS_IDS, refresh);
  const newGroup = useFormFeedback(GROUP_IDS, refresh);
  const save = useMutation(trpc.stateAid.setOrganization.mutationOptions());
  const create = useMutation(trpc.stateAid.createGroup.mutationOptions());

  function submitFacts(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!facts.start()) return;
    save.mutate(
      { organizationId, actsEconomically: economicKind && acts, stateAidGroupId: group || null },
      { onSuccess: () => facts.save(o.saved), onError: (error) => facts.showError(error) },
    );
  }

  function submitGroup(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = formText(data, "name").trim();
    const country = formText(data, "country").trim();
    const registryId = formText(data, "registryId").trim();
    const checks = formChecks(GROUP_IDS);
    if (name.length < 2) checks.add("name", o.required.groupName);
    if (!/^[A-Za-z]{2}$/.test(country)) checks.add("country", o.required.groupCountry);
    if (registryId.length < 2) checks.add("registryId", o.required.groupRegistryId);
    if (!newGroup.start(checks.errors)) return;
    create.mutate(
      { name, country, registryId },
      {
        onSuccess: (created) => {
          form.reset();
          setGroup(created.id);
          newGroup.save(o.groupCreated(created.name));
        },
        onError: (error) => newGroup.showError(error),
      },
    );
  }

  return (
    <div className="space-y-6">
      <form noValidate onSubmit={submitFacts} className="space-y-4" aria-label={o.title}>
        <FormFeedback errors={facts.errors} saved={facts.saved} />
        {economicKind ? (
          <div className="space-y-1">
            <div className="flex items-center gap-2">
              <input
                id={FACTS_IDS.actsEconomically}
                type="checkbox"
                checked={acts}
                onChange={(event) => setActs(event.target.checked)}
                aria-describedby="state-aid-acts-hint"
                className="size-5"
              />
              <label htmlFor={FACTS_IDS.actsEconomically} className="font-semibold">
                {o.actsEconomically}
              </label>
            </div>
            <p id="state-aid-acts-hint" className="text-sm text-fg-muted">
              {o.actsEconomicallyHint}
            </p>
          </div>
        ) : (
          <p>{o.kindAlways(kindLabel)}</p>
        )}
        <SelectField
          id={FACTS_IDS.stateAidGroupId}
          label={o.group}
          hint={o.groupHint}
          error={facts.errors.fields.stateAidGroupId}
          value={group}
          onChange={(event) => setGroup(event.target.value)}
        >
          <option value="">{o.noGroup}</option>
          {groups.map((option) => (
            <option key={option.id} value={option.id}>
              {o.groupOption(option.name, option.registryId, option.organizations.length)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" busy={save.isPending}>
          {o.save}
        </Button>
      </form>
      <form
        noValidate
        onSubmit={submitGroup}
        className="space-y-3 border-t border-line pt-4"
        aria-labelledby="new-group-heading"
      >
        <h3 id="new-group-heading" className="font-semibold">
          {o.newGroupTitle}
        </h3>
        <p className="text-sm text-fg-muted">{o.newGroupLead}</p>
        <FormFeedback errors={newGroup.errors} saved={newGroup.saved} />
        <InputField
          id={GROUP_IDS.name}
          name="name"
          label={o.groupName}
          error={newGroup.errors.fields.name}
          maxLength={200}
        />
        <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
          <InputField
            id={GROUP_IDS.country}
            name="country"
            label={o.groupCountry}
            error={newGroup.errors.fields.country}
            maxLength={2}
            autoComplete="off"
          />
          <InputField
            id={GROUP_IDS.registryId}
            name="registryId"
            label={o.groupRegistryId}
            error={newGroup.errors.fields.registryId}
            maxLength={64}
          />
        </div>
        <Button type="submit" variant="secondary" busy={create.isPending}>
          {o.createGroup}
        </Button>
      </form>
    </div>
  );
}
