import { formatEnergy } from "@tessera/core/format-energy";
import type { ApiKeyMessages } from "../../i18n/en-api-keys";

/** What the gateway usage page knows of a model's energy (a row of `byModel`). */
export interface ModelEnergy {
  shared: boolean;
  energyPerThousandTokensMilliWh: number | null;
  energyMeasured: boolean;
  /**
   * False when the figure includes open metering windows, estimated up to now (own endpoints) or
   * up to their last call (shared).
   */
  energySettled: boolean;
}

/** The figure of a cell and the few words under it that say what it is. */
export interface ModelEnergyText {
  figure: string;
  note: string;
}

const twoDigits = new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 2 });

/**
 * Energy per 1,000 tokens for people, from whole milliwatt-hours: two significant digits below
 * 100 Wh, where these figures usually are ("0.055 Wh", "1.5 Wh", "12 Wh"), then as every other
 * energy on Tessera ("350 Wh", "12.4 kWh"). Zero is a figure that rounded away: "less than
 * 0.001 Wh", never "0 Wh".
 */
export function formatTokenEnergy(milliWh: number, messages: ApiKeyMessages["usage"]): string {
  if (milliWh <= 0) return messages.lessThan("0.001 Wh");
  if (milliWh >= 100_000) return formatEnergy(milliWh);
  return `${twoDigits.format(milliWh / 1000)} Wh`;
}

/**
 * A model's energy per 1,000 tokens as the usage page writes it. Every estimate is marked "≈", as
 * the page's legend says. Own endpoints: the figure and whether it was measured, or estimated
 * (from the power draw, or not yet settled: an open window counts, as on Billing). Shared: "≈"
 * and that it is the shared endpoint's average, on the same basis. Nothing metered: "Not metered
 * yet", and whose energy is missing.
 */
/** Whether a model's figure is an estimate (marked "≈"): shared, not yet settled, or not measured. */
export function isEnergyEstimate(model: ModelEnergy): boolean {
  if (model.energyPerThousandTokensMilliWh === null) return false;
  return model.shared || !model.energySettled || !model.energyMeasured;
}

export function describeModelEnergy(
  model: ModelEnergy,
  messages: ApiKeyMessages["usage"],
): ModelEnergyText {
  if (model.energyPerThousandTokensMilliWh === null) {
    return {
      figure: messages.notMetered,
      note: model.shared ? messages.notMeteredShared : messages.notMeteredOwn,
    };
  }
  const energy = formatTokenEnergy(model.energyPerThousandTokensMilliWh, messages);
  const figure = isEnergyEstimate(model) ? messages.approximately(energy) : energy;
  if (model.shared) {
    return {
      figure,
      note: model.energySettled ? messages.sharedAverage : messages.sharedAverageUnsettled,
    };
  }
  if (!model.energySettled) return { figure, note: messages.unsettled };
  return { figure, note: model.energyMeasured ? messages.measured : messages.estimated };
}
