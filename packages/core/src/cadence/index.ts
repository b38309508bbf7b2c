// Cadence: the clock that keeps relationships current, and the weekly networking plan built on it.
export * from "./tiers.js";
export * from "./relationship-cadences.js";
export * from "./calendar-date.js";
export { offerFor, normaliseTopic, ASK_PROMPT, DEFAULT_OFFER_OPTIONS, type Offer, type OfferOptions } from "./offer.js";
export * from "./weekly-plan.js";
export * from "./plan-ics.js";
