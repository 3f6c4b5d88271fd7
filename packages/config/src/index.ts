export { parseEnv, type EnvSource } from "./env";
export { serverEnv, type ServerEnv } from "./server-env";
