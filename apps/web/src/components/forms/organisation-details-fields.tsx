import type { ReactNode } from "react";
import { InputField } from "@/components/form/fields";
import { t } from "@/i18n";

/** The element ids of the details fields, under a prefix per form ("org", "settings"). */
export function organisationDetailIds(prefix: string) {
  return {
    name: `${prefix}-name`,
    registryId: `${prefix}-registry-id`,
    website: `${prefix}-website`,
    contactName: `${prefix}-contact-name`,
    contactEmail: `${prefix}-contact-email`,
  };
}

export type OrganisationDetailIds = ReturnType<typeof organisationDetailIds>;

/** Starting values by field name; fields without one start empty. */
export type OrganisationDetailValues = Partial<Record<keyof OrganisationDetailIds, string>>;

/**
 * An organisation's name, registry id, website and contact, as onboarding asks for them and the
 * settings page edits them. Onboarding (`signUp`) explains the name and the contact and lets the
 * browser fill them in; whatever goes between the name and the registry id is `afterName`.
 */
export function OrganisationDetailsFields({
  ids,
  errors,
  values = {},
  signUp = false,
  afterName,
}: {
  ids: OrganisationDetailIds;
  errors: Record<string, string>;
  values?: OrganisationDetailValues;
  signUp?: boolean;
  afterName?: ReactNode;
}) {
  const o = t.onboarding;
  return (
    <>
      <InputField
        id={ids.name}
        label={o.name}
        hint={signUp ? o.nameHint : undefined}
        error={errors.name}
        name="name"
        autoComplete={signUp ? "organization" : undefined}
        defaultValue={values.name}
      />
      {afterName}
      <InputField
        id={ids.registryId}
        label={o.registryId}
        hint={o.registryIdHint}
        error={errors.registryId}
        name="registryId"
        defaultValue={values.registryId}
      />
      <InputField
        id={ids.website}
        label={o.website}
        hint={o.websiteHint}
        error={errors.website}
        optional
        name="website"
        type="url"
        inputMode={signUp ? "url" : undefined}
        autoComplete={signUp ? "url" : undefined}
        defaultValue={values.website}
      />
      <InputField
        id={ids.contactName}
        label={o.contactName}
        hint={signUp ? o.contactNameHint : undefined}
        error={errors.contactName}
        name="contactName"
        autoComplete={signUp ? "name" : undefined}
        defaultValue={values.contactName}
      />
      <InputField
        id={ids.contactEmail}
        label={o.contactEmail}
        error={errors.contactEmail}
        name="contactEmail"
        type="email"
        autoComplete={signUp ? "email" : undefined}
        defaultValue={values.contactEmail}
      />
    </>
  );
}
