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

/**
 * Pure: whether an own script's #SBATCH directives contradict what the form asks for. Tessera
 * holds quota for the form's units and time limit and submits the job with them, so a script
 * asking for other GPUs or another time is refused, saying which line and what to change.
 */
export function checkScriptDirectives(
  script: string,
  requested: { quantity: number; walltimeSeconds: number; unit: string },
): string | null {
  for (const directive of directives(script)) {
    const gpus = gpuCount(directive);
    if (gpus !== null && gpus !== requested.quantity) {
      return `Your script's line "${directive.text}" asks for ${gpus} ${requested.unit}${gpus === 1 ? "" : "s"}, but the form asks for ${requested.quantity}. Remove the line or make it agree with the form; Tessera runs the job with the form's figures.`;
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
