export { parseEnv, type EnvSource } from "./env";
export { gatewayBaseUrl } from "./gateway";
export { serverEnv, type ServerEnv } from "./server-env";
export { AUTH_PROVIDER_ID, PERSONAS, persona, type Persona, type PersonaKey } from "./personas";
