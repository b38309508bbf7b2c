// Wording: the one place that turns core's answers (codes and numbers) into English, for the CLI and the explorer alike.
export { MESSAGES, NOUNS, message, type MessageCode, type MessageValues } from "./messages.js";
export { displayNames, type DisplayNames } from "./display-names.js";
export {
  wordingNames,
  formatChance,
  formatPathSummary,
  formatPathTitle,
  formatHop,
  formatPathReason,
  formatPath,
  formatNearest,
  formatIntroduction,
  type WordingNames,
  type IntroductionText,
} from "./path-text.js";
export { formatReason, formatPlanReason, formatOfferPrompt, formatPlanEntry, formatPlanHead, type PlanEntryText } from "./plan-text.js";
export { formatSouringReason, formatSouringReasons } from "./souring-text.js";
export { draftIntroductionMessage, formatRequestNext, formatRequestWaiting, formatRequestLine, formatOpenRequest, formatRequestStep } from "./request-message.js";
