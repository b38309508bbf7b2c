/**
 * The hover tooltip: a small box of text lines beside the pointer. Lines are
 * set with `textContent` (a name is text, never HTML) and come only from the
 * scene, which holds nothing confidential.
 */
import type { ViewTheme } from "../theme/themes.js";

/** A tooltip attached to a view's container. */
export interface Tooltip {
  readonly element: HTMLElement;
  /** Shows the lines (the first in bold) at a point in container pixels. */
  show(lines: readonly string[], x: number, y: number): void;
  hide(): void;
  setTheme(theme: ViewTheme): void;
  destroy(): void;
}

/**
 * Creates a hidden tooltip inside `container`.
 *
 * @example
 * ```ts
 * const tip = createTooltip(container, LIGHT_THEME);
 * tip.show(["Ann Lee", "Acme"], 120, 80);
 * ```
 */
export function createTooltip(container: HTMLElement, theme: ViewTheme): Tooltip {
  const el = container.ownerDocument.createElement("div");
  el.className = "tiegraph-tooltip";
  el.setAttribute("role", "tooltip");
  Object.assign(el.style, { position: "absolute", pointerEvents: "none", display: "none", zIndex: "3", padding: "4px 7px", borderRadius: "4px", fontSize: "12px", lineHeight: "1.35", maxWidth: "260px", boxShadow: "0 1px 4px rgba(0,0,0,.25)" });
  const style = (t: ViewTheme) => Object.assign(el.style, { background: t.background, color: t.text, border: `1px solid ${t.mutedText}`, font: `12px ${t.font}` });
  style(theme);
  container.append(el);
  return {
    element: el,
    show(lines, x, y) {
      el.replaceChildren(
        ...lines.map((line, k) => {
          const div = el.ownerDocument.createElement("div");
          div.textContent = line;
          if (k === 0) div.style.fontWeight = "600";
          return div;
        }),
      );
      el.style.display = "block";
      const w = container.clientWidth;
      const left = x + 14 + el.offsetWidth > w ? Math.max(0, x - 14 - el.offsetWidth) : x + 14;
      el.style.left = `${left}px`;
      el.style.top = `${Math.max(0, y + 10)}px`;
    },
    hide() {
      el.style.display = "none";
    },
    setTheme: style,
    destroy() {
      el.remove();
    },
  };
}
