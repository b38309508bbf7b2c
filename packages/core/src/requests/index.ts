// Introduction requests: the double opt-in workflow (ask, advance, list), the exchanges each step records, and the message to the connector as data.
export { REQUEST_STEPS, type IntroductionRequest, type RequestStatus, type RequestStep, type RequestStepRecord, type RequestWaitingOn } from "../model/request-types.js";
export { NEXT_STEPS, isRequestStep, statusAfter, waitingOnAfter, stepViolation, type StepViolation } from "../model/request-steps.js";
export { checkRequests, requestError, MAX_REQUEST_TEXT, type RequestContext, type RequestProblem } from "../model/request-check.js";
export { copyRequest } from "../model/request-store.js";
export { applyRequestChange, type RequestChange } from "./request-change.js";
export { askForIntroduction, freeRequestId, type AskForIntroductionInput } from "./ask-for-introduction.js";
export { advanceRequest, targetPerson, type AdvanceRequestDetails } from "./advance-request.js";
export { listRequests, type ListRequestsOptions, type RequestState } from "./list-requests.js";
export { openRequests, DEFAULT_OPEN_REQUESTS_OPTIONS, type OpenRequest, type OpenRequestsOptions } from "./open-requests.js";
export { introductionMessage, type IntroductionMessage, type MessageParty } from "./introduction-message.js";
export { waitingRequests, type RequestWaitingReason, type WaitingRequest } from "./waiting-requests.js";
export { askAlongPath } from "./ask-along-path.js";
