import { Alert, Card } from "@tessera/ui";
import { countryName, tb } from "@/i18n";
import { AddressForm } from "./address-form";

/**
 * The Billing details page's postal address: named once, by the card's heading. Under it, the
 * form's field says what to write (its label) and how (its hint); those who may not change it
 * read it instead. When none is on file, a notice under the heading says why one is needed.
 */
export function AddressCard({
  organizationId,
  address,
  country,
  canChange,
}: {
  organizationId: string;
  address: string | null;
  country: string;
  canChange: boolean;
}) {
  const d = tb.details;
  return (
    <Card title={d.addressTitle}>
      {canChange ? (
        <div className="space-y-4">
          {address === null ? (
            <Alert tone="warning" title={d.noAddressTitle}>
              <p>{d.noAddressBody}</p>
            </Alert>
          ) : null}
          <AddressForm organizationId={organizationId} address={address} country={country} />
        </div>
      ) : (
        <div className="space-y-3" data-testid="billing-address">
          <p className="whitespace-pre-line">
            {address === null ? d.none : `${address}\n${countryName(country)}`}
          </p>
          <p className="text-fg-muted">{d.readOnly}</p>
        </div>
      )}
    </Card>
  );
}
