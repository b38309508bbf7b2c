// Cadence: the clock that keeps relationships current, and the weekly networking plan built on it.
export * from "./tiers.js";
export {
  relationshipCadences,
  cadenceOf,
  DEFAULT_CADENCE_OPTIONS,
  type CadenceOptions,
  type CadenceSource,
  type CadenceStatus,
  type RelationshipCadence,
} from "./relationship-cadences.js";
export { calendarDate } from "./calendar-date.js";
export { offerFor, normaliseTopic, ASK_PROMPT, DEFAULT_OFFER_OPTIONS, type Offer, type OfferOptions } from "./offer.js";
export {
  weeklyPlan,
  DEFAULT_WEEKLY_PLAN_OPTIONS,
  DEFAULT_MEETING_DURATIONS,
  DEFAULT_PLAN_SCHEDULE,
  type WeeklyPlan,
  type WeeklyPlanOptions,
  type PlanItem,
  type PlanReasonCode,
  type PlanReason,
  type PlanCadence,
  type OfferPrompt,
  type PlanSchedule,
  type PlanSlot,
} from "./weekly-plan.js";
export { planToIcs, DEFAULT_PLAN_ICS_OPTIONS, type PlanIcsOptions } from "./plan-ics.js";
export { networkingRoutine, DEFAULT_ROUTINE_OPTIONS, type Routine, type RoutineOptions, type RoutineWeek } from "./routine.js";
export { routineMinutes, DEFAULT_ROUTINE_KIND_MINUTES } from "./routine-minutes.js";
