import type { ServerEnv } from "@tessera/config";

type Level = ServerEnv["LOG_LEVEL"];

const LEVEL_ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * One JSON object per line on stdout/stderr, so log collectors in production parse it and a
 * developer can still read it. Never pass secrets or tokens as fields.
 */
export function createLogger(minimum: Level, component = "worker"): Logger {
  const write = (level: Level, message: string, fields: LogFields = {}) => {
    if (LEVEL_ORDER[level] < LEVEL_ORDER[minimum]) return;
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      component,
      msg: message,
      ...fields,
    });
    if (level === "error" || level === "warn") console.error(line);
    else console.info(line);
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
  };
}
