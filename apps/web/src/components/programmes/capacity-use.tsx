import { capacityUseText } from "./capacity-use-text";

export { unitCount } from "./capacity-use-text";

/** Units in use of a capacity; use above the capacity (after a drain) is flagged in words. */
export function CapacityUse({
  inUse,
  capacity,
  unit,
}: {
  inUse: number;
  capacity: number;
  unit: string;
}) {
  const text = capacityUseText(inUse, capacity, unit);
  return (
    <p className="text-sm tabular-nums">
      <span data-testid="capacity-use">{text.use}</span>
      {text.over ? (
        <strong className="font-semibold text-warning-fg" data-testid="over-capacity">
          {" "}
          {text.over}
        </strong>
      ) : null}
    </p>
  );
}
