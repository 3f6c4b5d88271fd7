import type { ModelOpenness } from "@tessera/db";
import { AppError } from "../errors";

/** Openness classes from the most open to the least (Model Openness Framework in spirit). */
export const MODEL_OPENNESS_ORDER = [
  "OPEN_SCIENCE",
  "OPEN_TOOLING",
  "OPEN_MODEL",
  "WEIGHTS_AVAILABLE",
] as const satisfies readonly ModelOpenness[];

export interface ModelOpennessFlags {
  weightsOpen: boolean;
  dataOpen: boolean;
  codeOpen: boolean;
}

/**
 * Pure: the most open class the flags support — open science needs open weights, data and
 * training code; open tooling, weights and code; open model, weights under an open licence.
 */
export function highestOpenness(flags: ModelOpennessFlags): ModelOpenness {
  if (!flags.weightsOpen) return "WEIGHTS_AVAILABLE";
  if (flags.codeOpen && flags.dataOpen) return "OPEN_SCIENCE";
  if (flags.codeOpen) return "OPEN_TOOLING";
  return "OPEN_MODEL";
}

const SPDX_ID = /^[A-Za-z0-9][A-Za-z0-9.+-]{1,63}$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** Checks a catalogue entry's provenance before it is stored; throws what is wrong. */
export function checkModelProvenance(
  input: ModelOpennessFlags & {
    openness: ModelOpenness;
    licenseSpdx: string;
    weightsSha256: string;
    sourceUrl: string;
    parameters: bigint;
  },
): void {
  if (!SPDX_ID.test(input.licenseSpdx)) {
    throw new AppError(
      "INVALID",
      `"${input.licenseSpdx}" is not an SPDX licence id (e.g. Apache-2.0, MIT).`,
    );
  }
  if (!SHA256.test(input.weightsSha256)) {
    throw new AppError(
      "INVALID",
      "The weights digest is a sha256: 64 lower-case hexadecimal digits.",
    );
  }
  if (!/^https:\/\/[^\s]+$/.test(input.sourceUrl)) {
    throw new AppError("INVALID", "The source is an https:// address.");
  }
  if (input.parameters <= 0n) {
    throw new AppError("INVALID", "The parameter count is a whole number above zero.");
  }
  const highest = highestOpenness(input);
  if (MODEL_OPENNESS_ORDER.indexOf(input.openness) < MODEL_OPENNESS_ORDER.indexOf(highest)) {
    throw new AppError(
      "INVALID",
      `The openness class claims more than is open: with these weights, data and code it is at most ${highest.toLowerCase().replace(/_/g, " ")}.`,
    );
  }
}
