import { formatEnergy } from "@tessera/core/format-energy";
import { tb } from "@/i18n";

/** "12.4 kWh (estimated)": energy with how it was obtained. */
export function energyWithBasis(milliWh: number, measured: boolean): string {
  return `${formatEnergy(milliWh)} (${measured ? tb.energy.measured : tb.energy.estimated})`;
}
