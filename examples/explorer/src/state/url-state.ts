/**
 * The explorer's state in the URL's fragment (`#sel=p12&tab=introduce&…`).
 * The fragment never leaves the browser, so a bookmark names people without
 * sending their ids to any server. Only values that differ from the defaults
 * are written; unknown or malformed values are ignored when read, so an old
 * or hand-edited bookmark still opens.
 */
import { DEFAULT_STATE, PATH_MODES, SCOPES, SIDES, TABS, THEME_NAMES, type ExplorerState } from "./explorer-state.js";

/** The encoding names the page accepts (from @tiegraph/viz), used to validate a URL. */
export interface EncodingNames {
  size: readonly string[];
  colour: readonly string[];
  edge: readonly string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Writes a state as a URL fragment (with its `#`), leaving out defaults;
 * the empty string when everything is default.
 *
 * @example stateToHash({ ...DEFAULT_STATE, selected: "p1", theme: "dark" }) // "#sel=p1&theme=dark"
 */
export function stateToHash(state: ExplorerState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_STATE;
  if (state.selected) p.set("sel", state.selected);
  if (state.tab !== d.tab) p.set("tab", state.tab);
  if (state.scope !== d.scope) p.set("scope", state.scope);
  for (const org of state.filters.organisations) p.append("org", org);
  for (const tag of state.filters.tags) p.append("tag", tag);
  if (state.filters.minStrength > 0) p.set("min", String(state.filters.minStrength));
  if (state.filters.side !== "all") p.set("side", state.filters.side);
  if (state.filters.from) p.set("from", state.filters.from);
  if (state.filters.to) p.set("to", state.filters.to);
  if (state.size !== d.size) p.set("size", state.size);
  if (state.colour !== d.colour) p.set("colour", state.colour);
  if (state.edge !== d.edge) p.set("edge", state.edge);
  if (state.search) p.set("q", state.search);
  if (state.target) p.set("intro", `${state.target.kind}:${state.target.id}`);
  if (state.target && state.path > 0) p.set("path", String(state.path));
  if (state.mode !== d.mode) p.set("mode", state.mode);
  if (state.aware !== d.aware) p.set("aware", state.aware ? "1" : "0");
  if (state.allTies) p.set("ties", "all");
  if (state.theme !== d.theme) p.set("theme", state.theme);
  const text = p.toString();
  return text ? `#${text}` : "";
}

/**
 * Reads a state from a URL fragment (with or without its `#`). Values that
 * are unknown or malformed keep their default; `base` supplies defaults
 * (e.g. the theme the system prefers).
 *
 * @example stateFromHash("#sel=p1&theme=dark", names).selected // "p1"
 */
export function stateFromHash(hash: string, names: EncodingNames, base: ExplorerState = DEFAULT_STATE): ExplorerState {
  const p = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback);
  const date = (value: string | null) => (value !== null && DATE.test(value) ? value : "");
  const min = Number(p.get("min"));
  const path = Number(p.get("path"));
  const intro = /^(person|organisation):(.+)$/s.exec(p.get("intro") ?? "");
  return {
    selected: p.get("sel") ?? "",
    tab: oneOf(p.get("tab"), TABS, base.tab),
    scope: oneOf(p.get("scope"), SCOPES, base.scope),
    filters: {
      organisations: p.getAll("org").filter(Boolean),
      tags: p.getAll("tag").filter(Boolean),
      minStrength: Number.isFinite(min) && min > 0 && min <= 1 ? min : 0,
      side: oneOf(p.get("side"), SIDES, "all"),
      from: date(p.get("from")),
      to: date(p.get("to")),
    },
    size: oneOf(p.get("size"), names.size, base.size),
    colour: oneOf(p.get("colour"), names.colour, base.colour),
    edge: oneOf(p.get("edge"), names.edge, base.edge),
    search: p.get("q") ?? "",
    target: intro ? { kind: intro[1] as "person" | "organisation", id: intro[2]! } : undefined,
    path: intro && Number.isInteger(path) && path > 0 && path < 100 ? path : 0,
    mode: oneOf(p.get("mode"), PATH_MODES, base.mode),
    aware: p.get("aware") === "0" ? false : p.get("aware") === "1" ? true : base.aware,
    allTies: p.get("ties") === "all",
    theme: oneOf(p.get("theme"), THEME_NAMES, base.theme),
  };
}
