/**
 * The legend's folding box over the view, when the caller does not place
 * the legend itself.
 */

/**
 * A folding box (a `<details>`) in the top-right corner of the container holding the legend.
 *
 * @example legendOverlay(container, legendElement, true).open // true
 */
export function legendOverlay(container: HTMLElement, legend: HTMLElement, open: boolean): HTMLElement {
  const doc = container.ownerDocument;
  const box = doc.createElement("details");
  box.className = "tiegraph-legend-overlay";
  box.open = open;
  const summary = doc.createElement("summary");
  summary.textContent = "Legend";
  Object.assign(summary.style, { cursor: "pointer", fontWeight: "600", userSelect: "none" });
  Object.assign(legend.style, { marginTop: "4px" });
  box.append(summary, legend);
  Object.assign(box.style, { position: "absolute", top: "8px", right: "8px", zIndex: "2", maxWidth: "230px", maxHeight: "calc(100% - 16px)", overflow: "auto", padding: "4px 8px", borderRadius: "4px", opacity: "0.95", boxShadow: "0 1px 3px rgba(0,0,0,.25)" });
  container.append(box);
  return box;
}
