export { parseEnv, type EnvSource } from "./env";
export { serverEnv, type ServerEnv } from "./server-env";
export { PERSONAS, persona, type Persona, type PersonaKey } from "./personas";
