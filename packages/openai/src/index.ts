export { ApiError, errorBody, modelNotFound, type ApiErrorStatus } from "./errors";
export { readJsonBody, sendJson } from "./json-body";
export {
  CHAT_REPLY_PRIMING_TOKENS,
  CHAT_TOKENS_PER_MESSAGE,
  countTextTokens,
  MAX_UNSPACED_RUN,
} from "./tokens";
