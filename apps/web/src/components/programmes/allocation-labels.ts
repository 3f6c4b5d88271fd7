import { formatDate, tp } from "@/i18n";

/**
 * The names of an allocation card's two tables. An organisation can hold several allocations of
 * one programme, and every table is a labelled region: the application and the dates keep each
 * label unique on the page.
 */
export function allocationTableCaptions(allocation: {
  programme: { name: string };
  application: { title: string };
  validFrom: Date;
  validTo: Date;
}): { lines: string; pricing: string } {
  const a = tp.allocations;
  const name = a.name(
    allocation.programme.name,
    allocation.application.title,
    formatDate(allocation.validFrom),
    formatDate(allocation.validTo),
  );
  return { lines: a.caption(name), pricing: a.pricingCaption(name) };
}
