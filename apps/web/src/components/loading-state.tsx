import { Spinner } from "@tessera/ui";
import { t } from "@/i18n";

export function LoadingState() {
  return (
    <div role="status" className="flex items-center gap-3 py-10 text-fg-muted">
      <Spinner />
      <span>{t.common.loading}</span>
    </div>
  );
}
