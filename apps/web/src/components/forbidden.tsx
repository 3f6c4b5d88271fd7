import Link from "next/link";
import { Alert } from "@tessera/ui";
import { t } from "@/i18n";
import { routes } from "@/lib/paths";

/** Explains a refusal: no permission, or (with `invalid`) a filter in the address that was not valid. */
export function Forbidden({
  invalid = null,
  resetHref,
}: {
  invalid?: string | null;
  resetHref?: string;
}) {
  if (invalid) {
    return (
      <Alert tone="danger" role="alert" title={t.common.errorSummaryTitle}>
        <p>{invalid}</p>
        {resetHref ? (
          <p className="mt-2">
            <Link href={resetHref} className="font-semibold underline">
              {t.common.clearFilters}
            </Link>
          </p>
        ) : null}
      </Alert>
    );
  }
  return (
    <Alert tone="warning" title={t.errors.forbiddenTitle}>
      <p>{t.errors.forbiddenBody}</p>
      <p className="mt-2">
        <Link href={routes.dashboard} className="font-semibold underline">
          {t.errors.notFoundAction}
        </Link>
      </p>
    </Alert>
  );
}
