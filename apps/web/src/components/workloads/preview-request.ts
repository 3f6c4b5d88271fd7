import { jobQuantityProblem } from "@tessera/core/job-quantity-rules";
import { tw } from "@/i18n";
import { formatDuration } from "./format";
import type { FormLine, FormOptions } from "./types";

/** The shape of a job the server previews, as the preview's query key holds it. */
export interface PreviewShape {
  projectId: string;
  allocationLineId: string;
  quantity: number;
  walltimeSeconds: number;
}

/**
 * What the job form may ask the server to preview: nothing until a project and an allocation line
 * are chosen; nothing either while the units or the walltime break a rule the form knows (the
 * server would only refuse: a 400 in the browser's console), but the rule, in the words the form
 * and the API use on submit; otherwise the shape, as a stable key.
 */
export type PreviewRequest =
  { kind: "incomplete" } | { kind: "invalid"; problem: string } | { kind: "ready"; key: string };

export function previewRequestOf(input: {
  projectId: string;
  line: FormLine | undefined;
  /** The number of units as parsed (null when not a whole number). */
  quantity: number | null;
  /** The walltime as parsed (null when the hours or minutes are not valid). */
  walltimeSeconds: number | null;
  limits: Pick<FormOptions["limits"], "maxQuantity" | "minWalltimeSeconds" | "maxWalltimeSeconds">;
  /** Why no cluster's nodes take the number of units (jobSizeOnClusters), when none does. */
  nodeProblem?: string | null;
}): PreviewRequest {
  const { projectId, line, quantity, walltimeSeconds, limits } = input;
  if (!projectId || !line) return { kind: "incomplete" };
  // A line no cluster runs has its own notice; the server's preview then says why, and checks
  // the units against the platform's limit only.
  const max = line.maxQuantity === 0 ? limits.maxQuantity : line.maxQuantity;
  const quantityProblem = jobQuantityProblem(quantity, line.resourceClass, {
    max,
    platformMax: limits.maxQuantity,
  });
  if (quantityProblem !== null) return { kind: "invalid", problem: quantityProblem };
  if (input.nodeProblem) return { kind: "invalid", problem: input.nodeProblem };
  // jobQuantityProblem refuses a quantity that is not a number, so this only narrows the type.
  if (quantity === null) return { kind: "incomplete" };
  if (
    walltimeSeconds === null ||
    walltimeSeconds < limits.minWalltimeSeconds ||
    walltimeSeconds > limits.maxWalltimeSeconds
  ) {
    return {
      kind: "invalid",
      problem: tw.form.required.walltime(
        formatDuration(limits.minWalltimeSeconds),
        formatDuration(limits.maxWalltimeSeconds),
      ),
    };
  }
  const shape: PreviewShape = {
    projectId,
    allocationLineId: line.allocationLineId,
    quantity,
    walltimeSeconds,
  };
  return { kind: "ready", key: JSON.stringify(shape) };
}
