import { SECONDS_PER_UNIT_HOUR, type MeteredKind } from "../catalogue/metering-unit";
import { priceQuantity, type PriceTotals } from "../programmes/pricing";

/** What an endpoint's hour is priced from: its class's price per unit-hour and the award's rate. */
export interface EndpointPriceTerms {
  minorPerUnitHour: number;
  subsidyRateBps: number;
  kind: MeteredKind;
}

/**
 * Pure: what an hour of `replicas` replicas of `unitsPerReplica` units costs, by THE pricing rule
 * (priceQuantity): the list value, the programme's share at the award's rate rounded half-even
 * once, the organisation the rest. The deploy form prices its starting replicas with it and the
 * endpoint's page its current replicas and the ones a scale would run.
 */
export function endpointHourPrice(
  replicas: number,
  unitsPerReplica: number,
  terms: EndpointPriceTerms,
): PriceTotals {
  return priceQuantity(
    replicas * unitsPerReplica * SECONDS_PER_UNIT_HOUR,
    terms.minorPerUnitHour,
    terms.subsidyRateBps,
    terms.kind,
  );
}
