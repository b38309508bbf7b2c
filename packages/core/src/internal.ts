/**
 * @tiegraph/core/internal: helpers that the other tiegraph packages (io, viz,
 * cli, the benchmarks) share with core. NOT public API: no semver promise,
 * they may change or go in any release. Import from `@tiegraph/core`.
 * @packageDocumentation
 */
export { KIND_CODE, TOUCHPOINT_CODES, extrasReader, sortedByDay } from "./model/exchange-store.js";
export { createRandom, type Random } from "./random/seeded-random.js";
export { firstSyntaxError, lineColumn, locatePointer } from "./format/locate.js";
export { showValue } from "./errors.js";
export { problemsError, withoutProblems, type BatchWithoutProblems, type StageOptions, type StagedResult, type UnlistedProblems, type WithoutProblemsOptions } from "./model/validate.js";
export { readExchangeBytes, type ExchangeBytesRead } from "./format/exchange-bytes.js";
export { ByteTable, byteHash, FNV_BASIS, FNV_PRIME } from "./format/byte-table.js";
export { adoptTieIndex, buildTieIndex, type BuiltTieIndex, type ExchangeSource } from "./graph/tie-index.js";
export { decodeExchangeSource, exchangeSourceExtent, type CopiedExchanges, type ExchangeSourceExtent } from "./format/network-columns.js";
export { adoptPathHits, betweennessSample, sampledPathHits, type PathHits, type SampledTies } from "./brokerage/betweenness-estimate.js";
export { adoptRouteGraph, buildRouteGraph, routeGraphOf, type RouteGraph } from "./paths/route-graph.js";
export { personRecord, valuesOrNull, type PersonValues } from "./model/person-record.js";
export { personReciprocityByIndex } from "./reciprocity/person-reciprocity.js";
export { weightedReciprocityRatio } from "./reciprocity/weighted-reciprocity.js";
export { constraintByIndex, constraintValues } from "./brokerage/constraint.js";
export { constraintAndEffectiveSizeValues } from "./brokerage/constraint-and-effective-size.js";
export { mutualTies, type TieGraphSource } from "./brokerage/mutual-ties.js";
export { effectiveSizeByIndex, effectiveSizeValues } from "./brokerage/effective-size.js";
export { betweennessWithinBudgetByIndex, type BetweennessEstimateByIndex } from "./brokerage/betweenness-estimate.js";
export type { EIResultByIndex } from "./mix/ei-index.js";
export { eiOverviewByIndex } from "./mix/ei-overview.js";
export { ByteOutput, putUtf8 } from "./format/byte-output.js";
export { EXCHANGES_PER_STEP, type ExchangeByteWriter } from "./format/exchange-text.js";
export { exchangeTextFits, exchangeTextPieces, exchangeTextWriter, writeExchangeText, type ExchangeTextAhead, type ExchangeTextRows } from "./format/exchange-text-ahead.js";
export { recordsTextAhead, type RecordsTextAhead } from "./format/network-file.js";
export { copiedPeopleAhead, type CopiedPeopleAhead } from "./format/network-columns.js";
