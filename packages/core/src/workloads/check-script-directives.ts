import type { NodeShape } from "./node-placement";
import { formatDurationLimit } from "./format-duration-limit";

/** Slurm's time formats: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S. Null when not one of them. */
export function parseSlurmTime(value: string): number | null {
  const text = value.trim();
  if (/^(infinite|unlimited)$/i.test(text)) return Number.POSITIVE_INFINITY;
  const withDays = /^(\d+)-(\d+)(?::(\d+))?(?::(\d+))?$/.exec(text);
  if (withDays) {
    const [, days, hours, minutes, seconds] = withDays;
    return (
      Number(days) * 86_400 +
      Number(hours) * 3_600 +
      Number(minutes ?? 0) * 60 +
      Number(seconds ?? 0)
    );
  }
  const parts = text.split(":");
  if (parts.length > 3 || parts.some((part) => !/^\d+$/.test(part))) return null;
  const numbers = parts.map(Number);
  if (numbers.length === 1) return numbers[0]! * 60;
  if (numbers.length === 2) return numbers[0]! * 60 + numbers[1]!;
  return numbers[0]! * 3_600 + numbers[1]! * 60 + numbers[2]!;
}

interface Directive {
  option: string;
  value: string;
  text: string;
}

/** The #SBATCH directives Slurm reads: those before the first command line. */
function directives(script: string): Directive[] {
  const found: Directive[] = [];
  for (const raw of script.split("\n").slice(1)) {
    const line = raw.trim();
    if (line === "") continue;
    if (!line.startsWith("#")) break;
    const match = /^#SBATCH\s+(--?[A-Za-z-]+)(?:[=\s]\s*(\S+))?/.exec(line);
    if (match) found.push({ option: match[1]!, value: match[2] ?? "", text: line });
  }
  return found;
}

/** The GPU count a directive asks for, or null when it names no GPUs. */
function gpuCount(directive: Directive): number | null {
  const { option, value } = directive;
  if (option === "--gres") {
    const gpu = value
      .split(",")
      .map((item) => /^gpu(?::[^:,]+)?:(\d+)$/.exec(item) ?? /^gpu$/.exec(item))
      .find((hit) => hit !== null);
    if (!gpu) return null;
    return gpu[1] === undefined ? 1 : Number(gpu[1]);
  }
  if (option === "--gpus" || option === "-G" || option === "--gpus-per-node") {
    const count = /^(?:[^:]+:)?(\d+)$/.exec(value);
    return count ? Number(count[1]) : null;
  }
  return null;
}

/** Whether a directive's GPU count is per node (--gres, --gpus-per-node) or for the whole job. */
function countsPerNode(directive: Directive): boolean {
  return directive.option === "--gres" || directive.option === "--gpus-per-node";
}

/** The node count a directive asks for ("--nodes=2", "-N 2", "--nodes=2-2"), or null. */
function nodeCount(directive: Directive): number | null {
  if (directive.option !== "--nodes" && directive.option !== "-N") return null;
  const count = /^(\d+)(?:-(\d+))?$/.exec(directive.value);
  if (!count) return Number.NaN;
  return count[2] === undefined || count[2] === count[1] ? Number(count[1]) : Number.NaN;
}

/**
 * Pure: whether an own script's #SBATCH directives contradict what the form asks for. Tessera
 * holds quota for the form's units and time limit and submits the job with them, so a script
 * asking for other GPUs or another time is refused, saying which line and what to change.
 */
export function checkScriptDirectives(
  script: string,
  requested: {
    quantity: number;
    /** The job's nodes; one node with all its units when absent. */
    nodes?: NodeShape;
    walltimeSeconds: number;
    unit: string;
  },
): string | null {
  const shape = requested.nodes ?? { nodes: 1, unitsPerNode: requested.quantity };
  const units = (count: number) => `${count} ${requested.unit}${count === 1 ? "" : "s"}`;
  for (const directive of directives(script)) {
    const gpus = gpuCount(directive);
    const expected = countsPerNode(directive) ? shape.unitsPerNode : requested.quantity;
    if (gpus !== null && gpus !== expected) {
      const form =
        expected === requested.quantity
          ? `${requested.quantity}`
          : `${units(expected)} on each of ${shape.nodes} nodes`;
      return `Your script's line "${directive.text}" asks for ${units(gpus)}${countsPerNode(directive) && shape.nodes > 1 ? " per node" : ""}, but the form asks for ${form}. Remove the line or make it agree with the form; Tessera runs the job with the form's figures.`;
    }
    const nodes = nodeCount(directive);
    if (nodes !== null && nodes !== shape.nodes) {
      return `Your script's line "${directive.text}" asks for other nodes than the job takes: ${shape.nodes === 1 ? "1 node" : `${shape.nodes} nodes`}. Remove the line or make it agree with the form; Tessera runs the job with the form's figures.`;
    }
    if (directive.option === "--time" || directive.option === "-t") {
      const seconds = parseSlurmTime(directive.value);
      if (seconds === null) {
        return `Your script's line "${directive.text}" has a time Slurm does not read. Remove the line; the form's time limit applies.`;
      }
      if (seconds !== requested.walltimeSeconds) {
        const said = Number.isFinite(seconds) ? formatDurationLimit(seconds) : "no limit";
        return `Your script's line "${directive.text}" asks for ${said}, but the form's time limit is ${formatDurationLimit(requested.walltimeSeconds)}. Remove the line or make it agree with the form; Tessera runs the job with the form's figures.`;
      }
    }
  }
  return null;
}
