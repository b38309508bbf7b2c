/**
 * A small element builder. Every piece of data reaches the page through
 * `textContent` or an attribute, never through HTML parsing, so a person
 * named `<img onerror=…>` is shown as exactly that text. Text is shown
 * through {@link shownText}, so a control character or a bidirectional
 * control in a name is seen, not obeyed.
 */

// control characters but tab and line breaks (C0, DEL, C1), and the bidirectional
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSEEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as the page shows it: every bidirectional embedding, override or
 * isolate, and every control character but tab and line breaks, is written
 * visibly as `\uXXXX`, as the CLI writes it (docs/cli.md), so a name such as
 * `Cy Cole<U+202E>gpj.exe` can neither pass for `Cy Coleexe.jpg` nor reorder
 * the words shown after it, and `Ann<BEL>` does not look like `Ann`. Letters
 * of right-to-left scripts need no control and are shown as they are.
 *
 * @example shownText("Cy Cole\u202egpj.exe") // "Cy Cole\\u202egpj.exe"
 */
export function shownText(text: string): string {
  return text.replace(UNSEEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Attributes and properties an element is created with. */
export interface ElementProps {
  /** CSS class names. */
  class?: string;
  /** Plain attributes (`aria-*`, `role`, `id`, `type`, `data-*`, …); `false` leaves one out. */
  attrs?: Record<string, string | number | boolean>;
  /** Text content (set as text, never parsed). */
  text?: string;
  /** Event listeners by event name. */
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

/** A child: an element, text, or nothing (skipped). */
export type Child = Node | string | false | null | undefined;

/**
 * Creates an element with attributes, listeners and children; strings become
 * text nodes.
 *
 * @example h("button", { attrs: { type: "button", "aria-label": "Close" }, text: "×" })
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.attrs) {
    for (const [name, value] of Object.entries(props.attrs)) {
      if (value === false) continue;
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
  if (props.text !== undefined) el.textContent = shownText(props.text);
  if (props.on) {
    for (const [name, listener] of Object.entries(props.on)) el.addEventListener(name, listener as EventListener);
  }
  append(el, children);
  return el;
}

/** Appends children (strings as text nodes), skipping empty ones. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === false || c === null || c === undefined) continue;
    parent.appendChild(typeof c === "string" ? document.createTextNode(shownText(c)) : c);
  }
}

/** Replaces all children of an element. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Creates an SVG element with attributes (charts are drawn with these, not with HTML strings). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (SVGElement | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const c of children) el.appendChild(typeof c === "string" ? document.createTextNode(shownText(c)) : c);
  return el;
}

let idCounter = 0;
/** A page-unique id for ARIA references. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${++idCounter}`;
}
