/**
 * The "This week" tab: whom to see this week within the budget (2 h; the
 * "Job search" switch makes it 4 h), why now, for how long and what to
 * offer, as core's weeklyPlan answers with the options of `tiegraph plan`
 * (the same people, order and minutes) and in the words of core's
 * formatter; acting on each entry (Done logs the meeting through the
 * ledger's "Log exchange" form; Skip and Not this week, see week-choices.ts);
 * the week as an .ics download; whether the routine is kept (hours per week
 * over 26 weeks against the budget, this week's used and remaining minutes,
 * the share outside your organisation against the target); and the open
 * introduction requests with their steps.
 */
import { formatDay, formatPlanEntry, formatPlanHead, parseDay, type AdvanceRequestDetails, type IntroductionMessage, type NetworkEdit, type PlanItem, type RequestChange, type RequestStep, type Routine } from "@tiegraph/core";
import { h, replaceChildren, type Child } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import { todayText } from "../ledger/exchange-edits.js";
import { field, openDialog, PeoplePicker } from "../ledger/form-parts.js";
import { WorkerError, type NetworkClient } from "../worker/network-client.js";
import type { FailureData } from "../worker/protocol.js";
import { pageNames } from "./page-names.js";
import { requestChangeEdits } from "./request-edits.js";
import { RequestsPanel } from "./requests-panel.js";
import { hoursText, routineChart } from "./routine-chart.js";
import { WeekChoices } from "./week-choices.js";
import { downloadText, weekIcs } from "./week-ics.js";
import type { WeekData, WeekOptions } from "./week-protocol.js";
import "./week.css";

/** What the tab needs from the page. */
export interface WeekHost {
  client: NetworkClient;
  session(): NetworkSession | undefined;
  /** Applies edits through the ledger (history, working copy); resolves with core's failure when refused. */
  apply(edits: NetworkEdit[], label: string): Promise<FailureData | undefined>;
  /** Opens the ledger's "Log exchange" form for a meeting with `person`, dated `date`, of `minutes`. */
  logMeeting(person: string, date: string, minutes: number): void;
}

const STATUS_TEXT: Record<Routine["external"]["status"], string> = { "on-target": "on target", below: "below the target", above: "above the target", "no-data": "no networking time yet" };

/** `day` moved by `days`. */
function shiftDay(day: string, days: number): string {
  return formatDay(parseDay(day)! + days);
}

/** The "This week" tab. */
export class WeekPanel {
  readonly element: HTMLElement;
  private readonly dayInput = h("input", { attrs: { type: "date", "aria-label": "Week of", required: true } });
  private readonly jobSearch = h("input", { attrs: { type: "checkbox", role: "switch", "aria-checked": "false" } });
  private readonly targetSelect = h("select", { attrs: { "aria-label": "Organisation you want to reach" } });
  private readonly body = h("div", { attrs: { "aria-live": "polite", "data-panel": "week" } });
  private readonly requests: RequestsPanel;
  private readonly requestsBox = h("div");
  private options: WeekOptions = { day: todayText(), jobSearch: false, target: "" };
  private session: NetworkSession | undefined;
  /** The question last asked and its answer (or why there is none). */
  private shown: { key: string; week: WeekData | undefined; problem: string | undefined } | undefined;
  /** Skip and Not this week, per network file name. */
  private readonly choices = new Map<string, WeekChoices>();
  private organisationsFor: NetworkSession | undefined;
  /** The page's "Figures as of" day last seen, per file name: when it changes, the week follows it. */
  private readonly pageAsOf = new Map<string, string>();
  /** Whether the reader has moved the week themselves. */
  private moved = false;

  constructor(private readonly host: WeekHost) {
    this.dayInput.value = this.options.day;
    this.dayInput.addEventListener("change", () => {
      if (parseDay(this.dayInput.value) !== undefined) this.set({ day: this.dayInput.value });
    });
    this.jobSearch.addEventListener("change", () => this.set({ jobSearch: this.jobSearch.checked }));
    this.targetSelect.addEventListener("change", () => this.set({ target: this.targetSelect.value }));
    this.requests = new RequestsPanel({
      advance: (request, step, date, details) => this.advance(request, step, date, details),
      pickIntroduced: (organisation) => this.pickIntroduced(organisation),
      message: (request) => this.message(request),
    });
    const button = (text: string, label: string, onClick: () => void) => h("button", { attrs: { type: "button", "aria-label": label }, text, on: { click: onClick } });
    this.element = h(
      "div",
      { class: "week-panel" },
      h(
        "div",
        { class: "row week-nav", attrs: { role: "group", "aria-label": "Week" } },
        button("‹", "Previous week", () => this.set({ day: shiftDay(this.options.day, -7) })),
        h("label", { class: "row" }, h("span", { text: "Week of" }), this.dayInput),
        button("›", "Next week", () => this.set({ day: shiftDay(this.options.day, 7) })),
        button("Today", "Go to today", () => this.set({ day: todayText() })),
      ),
      h("label", { class: "row" }, this.jobSearch, h("span", { text: "Job search" }), h("span", { class: "muted small", text: "(doubles the budget: 4 h a week)" })),
      h("label", { class: "field" }, h("span", { text: "Organisation you want to reach" }), this.targetSelect),
      this.body,
      this.requestsBox,
    );
  }

  /** The day the week is read on (a new request is dated this day). */
  get day(): string {
    return this.options.day;
  }

  /** Shows the week of the session; asks the worker only while the tab is open. */
  update(session: NetworkSession | undefined, open: boolean): void {
    this.session = session;
    if (session && this.organisationsFor?.name !== session.name) {
      // a new file: its organisations, and no target carried over from another network
      if (this.organisationsFor) this.options = { ...this.options, target: "" };
      replaceChildren(this.targetSelect, h("option", { attrs: { value: "" }, text: "none" }), ...session.organisations.map((o) => h("option", { attrs: { value: o.id }, text: o.name })));
      this.targetSelect.value = this.options.target;
    }
    this.organisationsFor = session;
    if (session) this.followPageAsOf(session);
    if (!open) return;
    if (!session) return replaceChildren(this.body, h("p", { class: "muted", text: "Open a network first." }));
    if (session.ego === undefined) {
      this.requestsBox.hidden = true;
      return replaceChildren(this.body, h("p", { class: "muted", text: "This network does not say which one is you, so there is no plan for you yet. Choose yourself above." }));
    }
    const key = JSON.stringify([session.number, this.options]);
    if (this.shown?.key !== key) {
      this.shown = { key, week: undefined, problem: undefined };
      this.body.setAttribute("aria-busy", "true");
      this.host.client.week(session.number, { kind: "week", options: this.options }).then(
        (answer) => {
          if (this.shown?.key !== key || answer.kind !== "week") return;
          this.shown.week = answer.week;
          this.render();
        },
        (e: unknown) => {
          if (this.shown?.key !== key || (e instanceof WorkerError && e.failure.code === "stale")) return;
          this.shown.problem = e instanceof Error ? e.message : String(e);
          this.render();
        },
      );
    }
    // the same week of the same network is on screen already: leave it (and the reader's focus in it) alone
  }

  /** Starts the week at the page's "Figures as of" day and moves it there whenever the reader changes that day. */
  private followPageAsOf(session: NetworkSession): void {
    const now = session.analysis.asOf;
    const seen = this.pageAsOf.get(session.name);
    this.pageAsOf.set(session.name, now);
    // the first network starts the week at the page's day (today by default) unless the reader moved it already
    const follow = seen === undefined ? !this.moved : now !== seen;
    if (follow && now && now !== this.options.day) {
      this.options = { ...this.options, day: now };
      this.dayInput.value = now;
    }
  }

  private set(patch: Partial<WeekOptions>): void {
    if (patch.day !== undefined) this.moved = true;
    this.options = { ...this.options, ...patch };
    this.dayInput.value = this.options.day;
    this.jobSearch.checked = this.options.jobSearch;
    this.jobSearch.setAttribute("aria-checked", String(this.options.jobSearch));
    this.targetSelect.value = this.options.target;
    this.update(this.session, true);
  }

  private choicesOf(session: NetworkSession): WeekChoices {
    let c = this.choices.get(session.name);
    if (!c) this.choices.set(session.name, (c = new WeekChoices()));
    return c;
  }

  private render(): void {
    const session = this.session;
    const shown = this.shown;
    if (!session || !shown) return;
    if (shown.problem) {
      this.body.removeAttribute("aria-busy");
      return replaceChildren(this.body, h("p", { class: "problem", attrs: { role: "status" }, text: shown.problem }));
    }
    const week = shown.week;
    if (!week) return;
    this.body.removeAttribute("aria-busy");
    const names = pageNames(session);
    const { plan } = week;
    const choices = this.choicesOf(session);
    const nextMonday = shiftDay(plan.week, 7);
    const kept = plan.items.filter((i) => !choices.isSkipped(plan.week, i.person));
    const movedFrom = new Map(choices.movedInto(plan.week).map((m) => [m.item.person, m]));
    const extra = [...movedFrom.values()].filter((m) => !plan.items.some((i) => i.person === m.item.person));
    const dropped = plan.items.filter((i) => choices.isSkipped(plan.week, i.person));
    const keptMinutes = kept.reduce((s, i) => s + i.minutes, 0);
    const entry = (item: PlanItem, from: string | undefined): HTMLElement => {
      const text = formatPlanEntry(item, names);
      const logged = week.logged[item.person] ?? [];
      return h(
        "li",
        { class: `plan-entry${logged.length ? " done" : ""}`, attrs: { role: "group", "aria-label": text.title, "data-person": item.person, "data-minutes": item.minutes, "data-done": String(logged.length > 0) } },
        h("div", { class: "row entry-head" }, h("strong", { text: text.title }), h("span", { class: "badge", text: `${item.minutes} min` })),
        item.slot ? h("p", { class: "small muted", text: `Proposed: ${item.slot.date} ${item.slot.start}–${item.slot.end}` }) : null,
        from ? h("p", { class: "small", text: `Moved here from the week of ${from}.` }) : null,
        h("ul", { class: "small reasons", attrs: { "aria-label": "Why now" } }, ...text.reasons.map((r) => h("li", { text: r }))),
        text.offer ? h("p", { class: "small offer", text: text.offer }) : null,
        logged.length ? h("p", { class: "small logged", attrs: { role: "status" }, text: `Done: logged on ${logged.join(", ")}.` }) : null,
        h(
          "div",
          { class: "row" },
          h("button", { attrs: { type: "button", title: "Log the meeting (Log exchange, pre-filled)" }, text: "Done", on: { click: () => this.host.logMeeting(item.person, week.options.day, item.minutes) } }),
          h("button", { attrs: { type: "button", title: "Drop from this week's plan" }, text: "Skip", on: { click: () => (choices.skip(plan.week, item.person), this.render()) } }),
          h("button", { attrs: { type: "button", title: "Move to next week" }, text: "Not this week", on: { click: () => (choices.postpone(plan.week, nextMonday, item), this.render()) } }),
        ),
      );
    };
    const items: Child[] = kept.map((i) => entry(i, movedFrom.get(i.person)?.from));
    replaceChildren(
      this.body,
      ...formatPlanHead(plan).map((line, i) => h("p", { class: i ? "small muted" : "plan-head", text: line })),
      items.length ? h("ol", { class: "plan", attrs: { "aria-label": "Plan for the week", "data-plan-week": plan.week } }, ...items) : h("p", { class: "muted", attrs: { "data-plan-week": plan.week }, text: "Nobody is due this week: the plan is empty." }),
      extra.length ? h("h3", { text: "Moved here from last week" }) : null,
      extra.length ? h("ol", { class: "plan", attrs: { "aria-label": "Moved here from last week" } }, ...extra.map((m) => entry(m.item, m.from))) : null,
      dropped.length
        ? h(
            "details",
            { class: "small" },
            h("summary", { text: `Skipped or moved on: ${dropped.length} (${dropped.reduce((s, i) => s + i.minutes, 0)} min given back; ${keptMinutes} min planned)` }),
            h("ul", {}, ...dropped.map((i) => h("li", {}, `${formatPlanEntry(i, names).title} `, h("button", { attrs: { type: "button" }, text: "Put back", on: { click: () => (choices.restore(plan.week, i.person, nextMonday), this.render()) } })))),
          )
        : null,
      h("button", { attrs: { type: "button" }, text: "Export week as .ics", on: { click: () => downloadText(weekIcs(plan, [...kept, ...extra.map((m) => m.item)], names), `tiegraph-week-${plan.week}.ics`, "text/calendar") } }),
      ...this.routine(week.routine),
    );
    this.requests.update(week.requests, week.options.day, names);
    this.requestsBox.hidden = false;
    replaceChildren(this.requestsBox, this.requests.element);
  }

  private routine(r: Routine): Child[] {
    const share = r.external.share === null ? "no networking time yet" : `${Math.round(r.external.share * 100)}% of the time`;
    return [
      h("h3", { text: "Keeping the routine" }),
      routineChart(r),
      h(
        "dl",
        { class: "figures", attrs: { "data-section": "routine" } },
        h("dt", { text: "This week" }),
        h("dd", { attrs: { "data-used": r.thisWeek.usedMinutes, "data-remaining": r.thisWeek.remainingMinutes }, text: `${Math.round(r.thisWeek.usedMinutes)} min used of ${r.budgetMinutes} (${hoursText(r.budgetMinutes)}), ${Math.round(r.thisWeek.remainingMinutes)} min left` }),
        h("dt", { text: "Outside your organisation" }),
        h("dd", { attrs: { "data-external": r.external.share ?? "" }, text: `${share}, target ${Math.round(r.external.target * 100)}%: ${STATUS_TEXT[r.external.status]}` }),
      ),
      r.external.status === "below" ? h("p", { class: "small muted", text: "Networking only inside your own organisation is not enough: see people elsewhere too." }) : null,
    ];
  }

  /** "Whom were you introduced to?" for a request into an organisation: a person picked from the network. */
  private pickIntroduced(organisation: string): Promise<string | undefined> {
    const session = this.host.session();
    if (!session) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const picker = new PeoplePicker("Introduced to", session, false);
      let chosen: string | undefined;
      const d = openDialog(`Introduced at ${session.organisationName(organisation)}`, "Record the introduction", [field("Introduced to", picker.box.input, undefined, picker.element).element], () => {
        chosen = picker.ids[0];
        if (chosen !== undefined) d.close();
      });
      d.dialog.addEventListener("close", () => resolve(chosen));
      picker.box.input.focus();
    });
  }

  private async advance(request: string, step: RequestStep, date: string, details: AdvanceRequestDetails): Promise<{ change: RequestChange } | { problem: string }> {
    const session = this.host.session();
    if (!session) return { problem: "Open a network first." };
    try {
      const answer = await this.host.client.week(session.number, { kind: "advance", request, step, date, details });
      if (answer.kind !== "change") return { problem: "unexpected answer" };
      const failure = await this.host.apply(requestChangeEdits(answer.change), `Request ${request}: ${step}`);
      return failure ? { problem: failure.message } : { change: answer.change };
    } catch (e) {
      return { problem: e instanceof Error ? e.message : String(e) };
    }
  }

  private async message(request: string): Promise<IntroductionMessage> {
    const session = this.host.session();
    if (!session) throw new Error("Open a network first.");
    const answer = await this.host.client.week(session.number, { kind: "message", request });
    if (answer.kind !== "message") throw new Error("unexpected answer");
    return answer.message;
  }

  /** "Ask for this introduction": the path's request, applied through the ledger, with its message. */
  async ask(people: string[], date: string, why: string, offer: string): Promise<{ change: RequestChange; message: IntroductionMessage | undefined } | { problem: string }> {
    const session = this.host.session();
    if (!session) return { problem: "Open a network first." };
    try {
      const answer = await this.host.client.week(session.number, { kind: "ask-along-path", people, date, why, offer });
      if (answer.kind !== "change") return { problem: "unexpected answer" };
      const failure = await this.host.apply(requestChangeEdits(answer.change), "Ask for an introduction");
      return failure ? { problem: failure.message } : answer;
    } catch (e) {
      return { problem: e instanceof Error ? e.message : String(e) };
    }
  }
}


