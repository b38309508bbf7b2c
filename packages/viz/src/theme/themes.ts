/**
 * Light and dark themes: every colour the view draws that does not encode a
 * measure (background, text, neutral ties, faded items, highlight), plus the
 * end colours of the diverging encodings, chosen per background so that the
 * "balanced" middle stays visible on it.
 */
import { TiegraphError } from "@tiegraph/core";

/** The colours and font of a view. */
export interface ViewTheme {
  /** Theme name, also set as `data-theme` on the container. */
  name: string;
  background: string;
  /** Labels, legend text. */
  text: string;
  /** Secondary legend text (units, notes). */
  mutedText: string;
  /** Outline drawn around labels so they stay readable over edges. */
  labelHalo: string;
  /** Ties when edge colour encodes nothing, and the "balanced" middle of diverging edge scales. */
  edge: string;
  /** Nodes when node colour encodes nothing. */
  node: string;
  /** How far faded items move toward the background, in [0, 1]. */
  fade: number;
  /** Ties that are not part of the current highlight. */
  fadedEdge: string;
  /** Nodes and hops of a highlighted introduction path. */
  highlight: string;
  /** Ring around ego ("you"), so ego is always findable. */
  egoRing: string;
  /** Ring around selected people. */
  selectionRing: string;
  /** Diverging ends: "you give more" ↔ "you receive more". */
  givesMore: string;
  receivesMore: string;
  /** Diverging ends of the E-I index: all internal ↔ all external; `mixed` is the middle. */
  internal: string;
  mixed: string;
  external: string;
  /** Ego's own fill in categorical encodings. */
  ego: string;
  /** "Other" and "none" categories. */
  other: string;
  none: string;
  /** Canvas font family for labels. */
  font: string;
}

/** The light theme (default). */
export const LIGHT_THEME: Readonly<ViewTheme> = {
  name: "light",
  background: "#ffffff",
  text: "#1f2328",
  mutedText: "#57606a",
  labelHalo: "#ffffff",
  edge: "#b8bec6",
  node: "#6e7781",
  fade: 0.85,
  fadedEdge: "#eceef0",
  highlight: "#d4007a",
  egoRing: "#111111",
  selectionRing: "#d4007a",
  givesMore: "#e66101",
  receivesMore: "#5e3c99",
  internal: "#2166ac",
  mixed: "#b8b8b8",
  external: "#b2182b",
  ego: "#111111",
  other: "#a0a4a8",
  none: "#d6d9dc",
  font: "Arial, Liberation Sans, DejaVu Sans, sans-serif",
};

/** The dark theme. */
export const DARK_THEME: Readonly<ViewTheme> = {
  name: "dark",
  background: "#14171b",
  text: "#e6edf3",
  mutedText: "#9aa4ae",
  labelHalo: "#14171b",
  edge: "#4a525b",
  node: "#9aa4ae",
  fade: 0.8,
  fadedEdge: "#22272d",
  highlight: "#ffd23f",
  egoRing: "#ffffff",
  selectionRing: "#ffd23f",
  givesMore: "#fdb863",
  receivesMore: "#b2abd2",
  internal: "#67a9cf",
  mixed: "#6b7178",
  external: "#ef8a62",
  ego: "#ffffff",
  other: "#6b7178",
  none: "#3a4047",
  font: "Arial, Liberation Sans, DejaVu Sans, sans-serif",
};

/** The built-in themes by name. */
export const THEMES: Readonly<Record<"light" | "dark", Readonly<ViewTheme>>> = { light: LIGHT_THEME, dark: DARK_THEME };

/**
 * Resolves a theme given by name or as an object (a partial object is laid
 * over the light theme, so callers can change one colour).
 *
 * @example resolveTheme("dark").background // "#14171b"
 */
export function resolveTheme(theme: "light" | "dark" | Partial<ViewTheme>): ViewTheme {
  if (theme === "light" || theme === "dark") return { ...THEMES[theme] };
  if (theme === null || typeof theme !== "object") {
    throw new TiegraphError("tiegraph/viz", "invalid-option", `unknown theme ${JSON.stringify(theme)}`, { expected: '"light", "dark" or a theme object' });
  }
  return { ...LIGHT_THEME, ...theme };
}
