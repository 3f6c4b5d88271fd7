export { resolveSessionUser, sessionTokenFromCookieHeader, SESSION_COOKIE_NAMES } from "./session";
