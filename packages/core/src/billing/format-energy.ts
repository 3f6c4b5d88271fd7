/** Energy for people: "350 Wh", "12.4 kWh", "3.1 MWh" (from integer milliwatt-hours). */
export function formatEnergy(milliWh: bigint | number): string {
  const wh = Number(milliWh) / 1000;
  if (wh >= 1_000_000) return `${(wh / 1_000_000).toFixed(1)} MWh`;
  if (wh >= 1_000) return `${(wh / 1_000).toFixed(1)} kWh`;
  return `${Math.round(wh)} Wh`;
}
