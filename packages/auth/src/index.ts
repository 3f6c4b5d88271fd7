export { resolveSessionUser, sessionTokenFromCookieHeader, SESSION_COOKIE_NAMES } from "./session";
export { tesseraAdapter } from "./adapter";
export { tesseraAuthConfig, usesSecureCookies, type RequestOrigin } from "./config";
