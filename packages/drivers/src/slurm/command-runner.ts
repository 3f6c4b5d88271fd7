import { execFile } from "node:child_process";

export interface CommandResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs a program with arguments — never through a shell — and resolves with its output, or rejects
 * with an error carrying `code` (the exit status, or "ENOENT" when the program is missing),
 * `stdout` and `stderr`. Injected into the Slurm driver so tests can script the Slurm CLI.
 */
export type CommandRunner = (file: string, args: readonly string[]) => Promise<CommandResult>;

export interface CommandError extends Error {
  code?: number | string | null;
  stdout?: string;
  stderr?: string;
}

export function execFileRunner(timeoutMs = 30_000): CommandRunner {
  return (file, args) =>
    new Promise((resolve, reject) => {
      execFile(
        file,
        [...args],
        { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, encoding: "utf8" },
        (error, stdout, stderr) => {
          if (error) {
            const failure: CommandError = error;
            failure.stdout = stdout;
            failure.stderr = stderr;
            reject(failure);
            return;
          }
          resolve({ stdout, stderr });
        },
      );
    });
}
