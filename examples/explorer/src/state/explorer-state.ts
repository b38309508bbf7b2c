/**
 * What the explorer shows: the selection, the open tab, filters, encodings,
 * the search text and the introduction query. Everything here is kept in the
 * URL (see url-state.ts), so a view can be bookmarked; nothing private is:
 * revealed notes live only in the person panel.
 */

/** The tab of the left-hand panel. */
export type Tab = "explore" | "introduce" | "reciprocity" | "mix" | "week";
/** All tabs, in display order. */
export const TABS: readonly Tab[] = ["explore", "introduce", "reciprocity", "mix", "week"];

/** Whether the graph shows everyone or only ego and their direct contacts. */
export type Scope = "network" | "ego";
/** All scopes. */
export const SCOPES: readonly Scope[] = ["network", "ego"];

/** Which people pass the internal/external filter, judged against ego's organisations. */
export type Side = "all" | "internal" | "external";
/** All sides. */
export const SIDES: readonly Side[] = ["all", "internal", "external"];

/** The page's colour theme. */
export type ThemeName = "light" | "dark";
/** All themes. */
export const THEME_NAMES: readonly ThemeName[] = ["light", "dark"];

/** Filters of the drawn graph. Empty lists and strings mean "no filter". */
export interface Filters {
  /** Organisation ids: keep people in any of them (on the network's reference day). */
  organisations: string[];
  /** Person tags: keep people with any of them. */
  tags: string[];
  /** Keep ties at least this strong, in [0, 1]. */
  minStrength: number;
  side: Side;
  /** Keep ties with an exchange on or after this date (YYYY-MM-DD). */
  from: string;
  /** … and on or before this date. */
  to: string;
}

/** The introduction query: a person or an organisation to be introduced to. */
export interface IntroductionTarget {
  kind: "person" | "organisation";
  id: string;
}

/** How introduction paths are ranked (core's IntroductionMode). */
export type PathMode = "reliable" | "widest";
/** All path modes. */
export const PATH_MODES: readonly PathMode[] = ["reliable", "widest"];

/** The explorer's whole bookmarkable state. */
export interface ExplorerState {
  /** Selected person id ("" for none). */
  selected: string;
  tab: Tab;
  scope: Scope;
  filters: Filters;
  /** Node size encoding name (one of @tiegraph/viz's). */
  size: string;
  /** Node colour encoding name. */
  colour: string;
  /** Edge colour encoding name. */
  edge: string;
  /** Text in the search box. */
  search: string;
  /** Whom to be introduced to, if anyone. */
  target: IntroductionTarget | undefined;
  /** Which of the ranked paths is highlighted (0 = best). */
  path: number;
  /** Path ranking: most reliable chain, or strongest weakest tie. */
  mode: PathMode;
  /** Prefer first hops who owe you or are in balance with you. */
  aware: boolean;
  /** On the Reciprocity tab, colour everyone's ties (default: only yours). */
  allTies: boolean;
  theme: ThemeName;
}

/** Filters that keep everything. */
export const NO_FILTERS: Readonly<Filters> = { organisations: [], tags: [], minStrength: 0, side: "all", from: "", to: "" };

/** The state of a fresh page: the whole network, sized by tie strength to you, coloured by organisation. */
export const DEFAULT_STATE: Readonly<ExplorerState> = {
  selected: "",
  tab: "explore",
  scope: "network",
  filters: NO_FILTERS,
  size: "strength-to-ego",
  colour: "organisation",
  edge: "none",
  search: "",
  target: undefined,
  path: 0,
  mode: "reliable",
  // as `tiegraph intro` and core's introductionPaths rank: reciprocity-aware ranking is opted into (docs/paths.md)
  aware: false,
  allTies: false,
  theme: "light",
};

/** True when no filter is set. */
export function filtersAreEmpty(f: Filters): boolean {
  return !f.organisations.length && !f.tags.length && f.minStrength === 0 && f.side === "all" && !f.from && !f.to;
}
