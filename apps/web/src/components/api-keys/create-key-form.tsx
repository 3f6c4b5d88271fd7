"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@tessera/ui";
import { API_KEY_LIMITS } from "@tessera/core/api-key-rules";
import {
  CheckboxField,
  InputField,
  QuestionFieldset,
  RadioGroupField,
  SelectField,
} from "@/components/form/fields";
import { FormProblems } from "@/components/form/form-feedback";
import { useFormFeedback } from "@/components/form/use-form-feedback";
import { parseWholeNumber } from "@/components/programmes/format";
import { tk } from "@/i18n";
import { formText } from "@/lib/form-data";
import { formChecks } from "@/lib/form-checks";
import { useTRPC } from "@/trpc/react";
import { ReachNotice } from "./reach-notice";
import type { ApiKeyFormOptions, ShownKey } from "./types";

const IDS = {
  name: "api-key-name",
  projectId: "api-key-project",
  expiresInDays: `expiry-${API_KEY_LIMITS.expiryPresetDays[1]}`,
  expiresOn: "api-key-expiry-date",
  requestsPerMinute: "api-key-requests",
  tokensPerMinute: "api-key-tokens",
  allowedEndpointIds: "api-key-scope",
  allowedModels: "api-key-scope",
} as const;

type ExpiryChoice = number | "date";

/** One list of boxes to tick (the endpoints, or the models), sent as a list under `name`. */
function ScopeChecklist({
  title,
  name,
  items,
}: {
  title: string;
  name: string;
  items: { value: string; label: ReactNode }[];
}) {
  const titleId = `api-key-scope-${name}`;
  return (
    <div className="space-y-2">
      <p className="font-semibold" id={titleId}>
        {title}
      </p>
      <ul className="space-y-1" aria-labelledby={titleId}>
        {items.map((item) => (
          <li key={item.value}>
            <CheckboxField
              id={`${titleId}-${item.value}`}
              name={name}
              value={item.value}
              label={item.label}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
const DAY_MS = 86_400_000;

/** A date `days` from today (UTC), as a date input writes it. */
function isoDay(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The create form: a name, the project, a mandatory expiry (a preset period or a date 1 to 365
 * days ahead), the per-minute limits, and optionally the endpoints and models the key is limited
 * to. The server's refusals come back in its words in the error summary; the new key is handed to
 * `onIssued`, which shows it once.
 */
export function CreateKeyForm({
  organizationId,
  options,
  canDeploy,
  onIssued,
  refreshing,
}: {
  organizationId: string;
  options: ApiKeyFormOptions;
  /** The signed-in member may deploy endpoints (the "nothing reachable" hint links there). */
  canDeploy: boolean;
  onIssued: (shown: ShownKey) => void;
  /** The new key's list is being reloaded: the key is shown with it, so the button stays busy. */
  refreshing: boolean;
}) {
  const trpc = useTRPC();
  const c = tk.create;
  const feedback = useFormFeedback(IDS);
  const [expiry, setExpiry] = useState<ExpiryChoice>(30);
  const firstProject = options.projects.length === 1 ? (options.projects[0]?.id ?? "") : "";
  const [projectId, setProjectId] = useState(firstProject);
  const chosenProject = options.projects.find((project) => project.id === projectId);
  const { requestsPerMinute: rpm, tokensPerMinute: tpm, expiryDays } = API_KEY_LIMITS;
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onError: (error) => feedback.showError(error),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const checks = formChecks(IDS);
    const name = formText(form, "name").trim();
    const projectId = formText(form, "projectId");
    const expiresOn = formText(form, "expiresOn").trim();
    const requests = parseWholeNumber(formText(form, "requestsPerMinute"));
    const tokens = parseWholeNumber(formText(form, "tokensPerMinute"));
    if (!name) checks.add("name", c.required.name);
    if (!projectId) checks.add("projectId", c.required.project);
    if (expiry === "date" && !expiresOn) checks.add("expiresOn", c.required.expiryDate);
    if (requests === null || requests < rpm.min || requests > rpm.max)
      checks.add("requestsPerMinute", c.required.requests(rpm.max));
    if (tokens === null || tokens < tpm.min || tokens > tpm.max)
      checks.add("tokensPerMinute", c.required.tokens(tpm.max));
    if (!feedback.start(checks.errors) || requests === null || tokens === null) return;
    create.mutate(
      {
        organizationId,
        name,
        projectId,
        ...(expiry === "date" ? { expiresOn } : { expiresInDays: expiry }),
        requestsPerMinute: requests,
        tokensPerMinute: tokens,
        allowedEndpointIds: form.getAll("allowedEndpointIds").map(String),
        allowedModels: form.getAll("allowedModels").map(String),
        allowFallback: form.get("allowFallback") === "on",
      },
      {
        onSuccess: (issued) => {
          element.reset();
          setExpiry(30);
          setProjectId(firstProject);
          onIssued({ issued, kind: "created" });
        },
      },
    );
  }

  const e = feedback.errors.fields;
  const expiryOptions: { value: ExpiryChoice; label: string }[] = [
    ...API_KEY_LIMITS.expiryPresetDays.map((days) => ({ value: days, label: c.expiryDays(days) })),
    { value: "date", label: c.expiryDate },
  ];
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6" aria-label={c.title}>
      <FormProblems errors={feedback.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          id={IDS.name}
          label={c.name}
          hint={c.nameHint}
          error={e.name}
          name="name"
          maxLength={API_KEY_LIMITS.nameMax}
          autoComplete="off"
        />
        <div className="space-y-2">
          <SelectField
            id={IDS.projectId}
            label={c.project}
            hint={c.projectHint}
            error={e.projectId}
            name="projectId"
            value={projectId}
            onChange={(event) => setProjectId(event.currentTarget.value)}
          >
            <option value="">{c.projectPlaceholder}</option>
            {options.projects.map((project) => (
              <option key={project.id} value={project.id}>
                {project.name}
              </option>
            ))}
          </SelectField>
          {/* Said as soon as the project is chosen, before a key that could call nothing is made. */}
          <div aria-live="polite">
            {chosenProject ? (
              <ReachNotice
                reach={chosenProject.reach}
                of="project"
                organizationId={organizationId}
                projectId={chosenProject.id}
                canDeploy={canDeploy}
                className="border-l-4 border-warning-fg pl-2 text-sm"
                testId="api-key-project-unreachable"
              />
            ) : null}
          </div>
        </div>
      </div>
      <div className="space-y-3">
        <RadioGroupField
          name="expiry"
          legend={c.expiry}
          hint={c.expiryHint}
          error={e.expiresInDays}
          options={expiryOptions}
          value={expiry}
          onChange={setExpiry}
        />
        {expiry === "date" ? (
          <InputField
            id={IDS.expiresOn}
            label={c.expiryDateLabel}
            hint={c.expiryDateHint}
            error={e.expiresOn}
            name="expiresOn"
            type="date"
            min={isoDay(expiryDays.min)}
            max={isoDay(expiryDays.max)}
            className="max-w-48"
          />
        ) : null}
      </div>
      <QuestionFieldset id="api-key-limits" legend={c.limits}>
        <div className="grid gap-4 sm:grid-cols-2">
          {(
            [
              ["requestsPerMinute", rpm, c.requestsPerMinute, c.requestsHint(rpm.max)],
              ["tokensPerMinute", tpm, c.tokensPerMinute, c.tokensHint(tpm.max)],
            ] as const
          ).map(([field, range, label, hint]) => (
            <InputField
              key={field}
              id={IDS[field]}
              label={label}
              hint={hint}
              error={e[field]}
              name={field}
              inputMode="numeric"
              defaultValue={String(range.default)}
              className="max-w-40"
            />
          ))}
        </div>
      </QuestionFieldset>
      <QuestionFieldset
        id={IDS.allowedEndpointIds}
        legend={c.scope}
        hint={c.scopeHint}
        error={e.allowedEndpointIds ?? e.allowedModels}
      >
        {options.endpoints.length === 0 ? (
          <p className="text-sm text-fg-muted">{c.noEndpoints}</p>
        ) : null}
        {options.endpoints.length + options.sharedModels.length > 0 ? (
          <div className="grid gap-4 sm:grid-cols-2">
            {options.endpoints.length > 0 ? (
              <ScopeChecklist
                title={c.scopeEndpoints}
                name="allowedEndpointIds"
                items={options.endpoints.map((endpoint) => ({
                  value: endpoint.id,
                  label: c.endpointOption(endpoint.name, endpoint.model),
                }))}
              />
            ) : null}
            <ScopeChecklist
              title={c.scopeModels}
              name="allowedModels"
              items={[
                ...options.models.map((model) => ({
                  value: model,
                  label: <span className="break-all font-mono text-sm">{model}</span>,
                })),
                ...options.sharedModels.map((model) => ({
                  value: model,
                  label: (
                    <span data-testid="api-key-shared-model">
                      <span className="break-all font-mono text-sm">{model}</span>{" "}
                      <span className="text-sm text-fg-muted">({c.sharedModel})</span>
                    </span>
                  ),
                })),
              ]}
            />
          </div>
        ) : null}
      </QuestionFieldset>
      <CheckboxField id="api-key-fallback" name="allowFallback" label={c.fallback} />
      <Button type="submit" busy={create.isPending || refreshing}>
        {c.submit}
      </Button>
    </form>
  );
}
