import type { ComponentProps } from "react";
import { Field as UiField } from "@tessera/ui";
import { t } from "@/i18n";

/** The shared form field with this locale's words for "(optional)" and "Error:". */
export function Field(props: ComponentProps<typeof UiField>) {
  return (
    <UiField optionalLabel={t.common.optional} errorPrefix={t.common.errorPrefix} {...props} />
  );
}
