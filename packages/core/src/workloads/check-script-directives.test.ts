import { describe, expect, it } from "vitest";
import { checkScriptDirectives, parseSlurmTime } from "./check-script-directives";

const form = { quantity: 2, walltimeSeconds: 7_200, unit: "GPU" };
const script = (...lines: string[]) => ["#!/bin/bash", ...lines, "python train.py"].join("\n");

describe("parseSlurmTime", () => {
  it("reads Slurm's time formats", () => {
    expect(parseSlurmTime("120")).toBe(7_200);
    expect(parseSlurmTime("02:00:00")).toBe(7_200);
    expect(parseSlurmTime("90:30")).toBe(5_430);
    expect(parseSlurmTime("1-00")).toBe(86_400);
    expect(parseSlurmTime("1-02:30")).toBe(95_400);
    expect(parseSlurmTime("1-02:30:15")).toBe(95_415);
    expect(parseSlurmTime("soon")).toBeNull();
  });
});

describe("checkScriptDirectives", () => {
  it("accepts a script without directives, or with ones that agree with the form", () => {
    expect(checkScriptDirectives(script(), form)).toBeNull();
    expect(
      checkScriptDirectives(script("#SBATCH --gres=gpu:h100:2", "#SBATCH --time=02:00:00"), form),
    ).toBeNull();
    expect(checkScriptDirectives(script("#SBATCH -G 2", "#SBATCH -t 120"), form)).toBeNull();
    expect(
      checkScriptDirectives(script("#SBATCH --job-name=x", "#SBATCH --mem=10G"), form),
    ).toBeNull();
  });

  it("refuses other GPUs, naming the line and both counts", () => {
    expect(checkScriptDirectives(script("#SBATCH --gres=gpu:4"), form)).toBe(
      "Your script's line \"#SBATCH --gres=gpu:4\" asks for 4 GPUs, but the form asks for 2. Remove the line or make it agree with the form; Tessera runs the job with the form's figures.",
    );
    expect(checkScriptDirectives(script("#SBATCH --gpus=h100:8"), form)).toMatch(/asks for 8 GPUs/);
  });

  it("reads --gres and --gpus-per-node per node, and --gpus for the whole job, on several nodes", () => {
    const wide = { ...form, quantity: 8, nodes: { nodes: 2, unitsPerNode: 4 } };
    expect(
      checkScriptDirectives(script("#SBATCH --gres=gpu:h100:4", "#SBATCH --nodes=2"), wide),
    ).toBeNull();
    expect(
      checkScriptDirectives(script("#SBATCH --gpus-per-node=4", "#SBATCH -N 2"), wide),
    ).toBeNull();
    expect(checkScriptDirectives(script("#SBATCH --gpus=8"), wide)).toBeNull();
    expect(checkScriptDirectives(script("#SBATCH --gres=gpu:8"), wide)).toBe(
      "Your script's line \"#SBATCH --gres=gpu:8\" asks for 8 GPUs per node, but the form asks for 4 GPUs on each of 2 nodes. Remove the line or make it agree with the form; Tessera runs the job with the form's figures.",
    );
  });

  it("refuses another node count", () => {
    expect(checkScriptDirectives(script("#SBATCH --nodes=2"), form)).toMatch(
      /asks for other nodes than the job takes: 1 node\./,
    );
    const wide = { ...form, quantity: 8, nodes: { nodes: 2, unitsPerNode: 4 } };
    expect(checkScriptDirectives(script("#SBATCH --nodes=1-2"), wide)).toMatch(/takes: 2 nodes\./);
  });

  it("refuses another time, said in hours and days", () => {
    expect(checkScriptDirectives(script("#SBATCH --time=1-00:00:00"), form)).toMatch(
      /asks for 1 day, but the form's time limit is 2 hours\./,
    );
    expect(checkScriptDirectives(script("#SBATCH --time=soon"), form)).toMatch(
      /a time Slurm does not read/,
    );
  });

  it("ignores directives after the first command, as Slurm does", () => {
    expect(checkScriptDirectives("#!/bin/bash\necho hi\n#SBATCH --gres=gpu:4\n", form)).toBeNull();
  });
});
