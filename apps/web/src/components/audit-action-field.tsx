import { AUDIT_ACTIONS } from "@tessera/core";
import { SelectField } from "@/components/form/fields";
import { t } from "@/i18n";

/**
 * The audit log's "Action" filter: every audited action in words, or all of them. The same on
 * the platform's log and an organisation's.
 */
export function AuditActionField({
  id,
  defaultValue,
  error,
  className,
}: {
  id: string;
  defaultValue: string;
  error?: string;
  /** Classes for the select itself. */
  className?: string;
}) {
  return (
    <SelectField
      id={id}
      name="action"
      label={t.audit.filterAction}
      error={error}
      defaultValue={defaultValue}
      className={className}
    >
      <option value="">{t.audit.filterAllActions}</option>
      {AUDIT_ACTIONS.map((value) => (
        <option key={value} value={value}>
          {t.auditActions[value] ?? value}
        </option>
      ))}
    </SelectField>
  );
}
