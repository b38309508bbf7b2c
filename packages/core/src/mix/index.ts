// Internal / external mix: E-I indices by any grouping (at once or a slice at a time), their trend, and the external share against a target.
export type { GroupBy } from "../graph/grouping.js";
export type { MixUnit } from "./tally.js";
export type { MixPeriod } from "./periods.js";
export { eiIndex, eiIndices, DEFAULT_EI_OPTIONS, type EIOptions, type EIResult, type MixTotals } from "./ei-index.js";
export { startEIIndex, type EIIndexRun, type EIIndexRunOptions } from "./ei-index-run.js";
export { eiTrend, type EITrend, type EITrendOptions, type EITrendPoint } from "./ei-trend.js";
export { eiOverview, type EIOverview, type EIOverviewOptions } from "./ei-overview.js";
export { externalShare, DEFAULT_EXTERNAL_SHARE_OPTIONS, type ExternalShare, type ExternalShareOptions, type ExternalSharePoint, type TargetStatus } from "./external-share.js";
