import { entityLayout } from "@/server/entity-layout";
import { loadInvoice } from "@/server/billing";

export default entityLayout(
  ({ organizationId, invoiceId }: { organizationId: string; invoiceId: string }) =>
    loadInvoice(organizationId, invoiceId),
);
