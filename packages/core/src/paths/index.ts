// Introduction paths: who can introduce me to X, mutual connections, and the reusable path index.
export { createPathIndex, PathIndex, DEFAULT_PATH_INDEX_OPTIONS, type PathIndexOptions, type FixedStrengths } from "./path-index.js";
export { introductionPaths, DEFAULT_INTRODUCTION_OPTIONS, type IntroductionQuery, type AvoidList } from "./introduction-paths.js";
export { askStanding, DEFAULT_ASK_STANDING_OPTIONS, type AskStanding, type AskStandingOptions } from "./ask-standing.js";
export type { IntroductionAnswer, IntroductionHop, IntroductionMode, IntroductionPath, IntroductionTarget, NearestContact, PathReason } from "./types.js";
export { mutualConnections, DEFAULT_MUTUAL_CONNECTIONS_OPTIONS, type MutualConnectionsOptions, type MutualConnection, type MutualTie } from "./mutual-connections.js";
