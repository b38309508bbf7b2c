// The ledger's pure parts: form values to core edits (checked by applying
// them with core), core's problems back to form fields, the undo history,
// and merge suggestions, on hand-made networks.
import type { TiegraphError} from "@tiegraph/core";
import { Network, serializeNetwork, type NetworkData, type NetworkEdit } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { exchangeEdits, fieldOfPointer, todayText, type LogValues } from "../src/ledger/exchange-edits.js";
import { EditHistory } from "../src/ledger/history.js";
import { mergeSuggestions } from "../src/ledger/ledger-worker.js";
import { freshId, personEdits, personFieldOf, splitList } from "../src/ledger/person-edits.js";

const DATA: NetworkData = {
  ego: "me",
  organisations: [{ id: "acme", name: "Acme" }],
  people: [
    { id: "me", name: "Me" },
    { id: "ann", name: "Ann Lee", emails: ["ann@x.example"] },
    { id: "bo", name: "Bo" },
  ],
  affiliations: [{ person: "ann", organisation: "acme", from: "2024-01-01" }],
  exchanges: [{ date: "2026-01-01", kind: "information", from: "me", to: "ann" }],
};
const net = () => {
  const n = new Network();
  n.apply(DATA);
  return n;
};
const values = (v: Partial<LogValues>): LogValues => ({ date: "2026-02-01", with: ["ann"], kind: "favour", direction: "received", value: "3", minutes: "", note: "", confidential: false, introduced: "", ...v });
const problemsOf = (n: Network, edits: NetworkEdit[]) => {
  try {
    n.edit(edits);
  } catch (e) {
    return (e as TiegraphError).problems.map((p) => [p.code, fieldOfPointer(p.pointer)]);
  }
  return [];
};

describe("Log exchange values to edits", () => {
  it("a favour received is one exchange from them to you, at the kind's default value (left out)", () => {
    expect(exchangeEdits(values({}), "me")).toEqual([{ op: "add-exchange", exchange: { date: "2026-02-01", kind: "favour", from: "ann", to: "me" } }]);
  });

  it("a group meeting is one meeting per person, from you; value, minutes, note and confidential kept", () => {
    const edits = exchangeEdits(values({ kind: "meeting", direction: "both", with: ["ann", "bo"], value: "2", minutes: "45", note: " lunch ", confidential: true }), "me");
    expect(edits).toEqual(
      ["ann", "bo"].map((to) => ({ op: "add-exchange", exchange: { date: "2026-02-01", kind: "meeting", from: "me", to, value: 2, minutes: 45, note: "lunch", confidential: true } })),
    );
    const n = net();
    n.edit(edits);
    expect(n.exchangeCount).toBe(3);
  });

  it("'both' for a giving kind is one exchange each way; an introduction names who was introduced", () => {
    expect(exchangeEdits(values({ kind: "information", direction: "both" }), "me").map((e) => (e as { exchange: { from: string; to: string } }).exchange)).toMatchObject([
      { from: "me", to: "ann" },
      { from: "ann", to: "me" },
    ]);
    expect(exchangeEdits(values({ kind: "introduction", direction: "gave", introduced: "bo" }), "me")).toEqual([{ op: "add-exchange", exchange: { date: "2026-02-01", kind: "introduction", from: "me", to: "ann", introduced: "bo" } }]);
  });

  it("bad values reach core as typed, and core's problems point at the form's fields; nothing is applied", () => {
    const n = net();
    const before = serializeNetwork(n);
    const edits = exchangeEdits(values({ date: "2026-02-30", with: [], value: "lots", minutes: "-1" }), "me");
    expect(problemsOf(n, edits)).toEqual([
      ["missing-field", "With"],
      ["invalid-date", "Date"],
      ["invalid-value", "Value"],
      ["invalid-value", "Minutes"],
    ]);
    expect(problemsOf(n, exchangeEdits(values({ kind: "introduction", introduced: "" }), "me"))).toEqual([["missing-field", "Introduced to"]]);
    expect(serializeNetwork(n)).toBe(before);
  });

  it("today is the local calendar date", () => {
    expect(todayText(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});

describe("person editor values to edits", () => {
  const empty = { name: "", emails: "", tags: "", interests: "", offers: "", affiliations: [] };

  it("a new person at a new organisation: the organisation, the person, the affiliation", () => {
    const n = net();
    const id = freshId("Zoë Ng", (x) => n.hasPerson(x), "person");
    expect(id).toBe("zoe-ng");
    const edits = personEdits(undefined, [], id, { ...empty, name: "Zoë Ng", emails: "z@y.example, zz@y.example", interests: "a job\n\nfunding", affiliations: [{ organisation: "", newOrganisation: "Acme", role: "CTO", from: "2025-01-01", to: "" }] }, (x) => n.organisations().some((o) => o.id === x));
    expect(edits).toEqual([
      { op: "add-organisation", organisation: { id: "acme-2", name: "Acme" } },
      { op: "add-person", person: { id: "zoe-ng", name: "Zoë Ng", emails: ["z@y.example", "zz@y.example"], interests: ["a job", "funding"] } },
      { op: "add-affiliation", affiliation: { person: "zoe-ng", organisation: "acme-2", role: "CTO", from: "2025-01-01" } },
    ]);
    n.edit(edits);
    expect(n.affiliationsOf("zoe-ng")).toEqual([{ person: "zoe-ng", organisation: "acme-2", role: "CTO", from: "2025-01-01" }]);
  });

  it("an edit patches only what changed (emptied lists removed) and rewrites the history only when it changed", () => {
    const n = net();
    const ann = n.person("ann");
    const history = n.affiliationsOf("ann");
    const same = { ...empty, name: "Ann Lee", emails: "ann@x.example", affiliations: [{ organisation: "acme", newOrganisation: "", role: "", from: "2024-01-01", to: "" }] };
    expect(personEdits(ann, history, "ann", same, () => true)).toEqual([]);
    const edits = personEdits(ann, history, "ann", { ...same, emails: "", offers: "an intro to Bo", affiliations: [{ ...same.affiliations[0]!, to: "2025-12-31" }] }, () => true);
    expect(edits).toEqual([
      { op: "update-person", id: "ann", patch: { emails: undefined, offers: ["an intro to Bo"] } },
      { op: "remove-affiliation", person: "ann", index: 0 },
      { op: "add-affiliation", affiliation: { person: "ann", organisation: "acme", from: "2024-01-01", to: "2025-12-31" } },
    ]);
    const before = serializeNetwork(n);
    const undo = n.edit(edits);
    expect(n.person("ann")).toEqual({ id: "ann", name: "Ann Lee", offers: ["an intro to Bo"] });
    n.edit(undo);
    expect(serializeNetwork(n)).toBe(before);
  });

  it("core's problems point at the editor's fields", () => {
    const n = net();
    const edits = personEdits(n.person("ann"), n.affiliationsOf("ann"), "ann", { ...empty, name: "Ann Lee", emails: "ann@x.example", affiliations: [{ organisation: "acme", newOrganisation: "", role: "", from: "2024-13-01", to: "" }] }, () => true);
    let problems: string[] = [];
    try {
      n.edit(edits);
    } catch (e) {
      problems = (e as TiegraphError).problems.map((p) => personFieldOf(p.pointer) ?? "?");
    }
    expect(problems).toEqual(["Organisation history"]);
    expect(personFieldOf("/0/patch/offers/1")).toBe("What I can offer them");
    expect(personFieldOf("/3/affiliation/from")).toBe("Organisation history");
    expect(splitList("a, b,,c ", /,/)).toEqual(["a", "b", "c"]);
  });
});

describe("undo history", () => {
  it("undo and redo move the cursor; a new step drops the redo list; the saved position decides 'unsaved'", () => {
    const h = new EditHistory();
    const step = (label: string) => ({ label, redo: [], undo: [] });
    expect(h.unsaved).toBe(false);
    h.push(step("a"));
    h.push(step("b"));
    expect([h.undoCount, h.redoCount, h.unsaved]).toEqual([2, 0, true]);
    expect(h.peekUndo()?.label).toBe("b");
    h.undone([{ op: "set-ego", id: "x" }]);
    expect(h.peekRedo()).toEqual({ label: "b", redo: [{ op: "set-ego", id: "x" }], undo: [] });
    h.undone([]);
    expect(h.unsaved).toBe(false); // back where the file was
    h.redone([]);
    h.markSaved();
    expect(h.unsaved).toBe(false);
    h.undone([]);
    expect(h.unsaved).toBe(true);
    h.push(step("c")); // the saved state (after "a") can no longer be reached
    expect([h.undoCount, h.redoCount]).toEqual([1, 0]);
    h.undone([]);
    expect(h.unsaved).toBe(true);
    h.reset(false);
    expect([h.undoCount, h.redoCount, h.unsaved]).toEqual([0, 0, true]);
  });
});

describe("merge suggestions", () => {
  it("an email in common, or near-equal names at the same organisation; not near names elsewhere", () => {
    const n = new Network();
    n.apply({
      organisations: [
        { id: "o1", name: "One" },
        { id: "o2", name: "Two" },
      ],
      people: [
        { id: "a", name: "Maria Garcia", emails: ["M@x.example"] },
        { id: "b", name: "María García" },
        { id: "c", name: "Someone Else", emails: ["m@x.example"] },
        { id: "d", name: "Maria Garcia" },
        { id: "e", name: "Mario Garcia" },
      ],
      affiliations: [
        { person: "a", organisation: "o1" },
        { person: "b", organisation: "o1" },
        { person: "d", organisation: "o2" },
        { person: "e", organisation: "o1" },
      ],
    });
    expect(mergeSuggestions(n).map((s) => [s.keep, s.drop, s.reason.code])).toEqual([
      ["a", "c", "same-email"],
      ["a", "b", "similar-name-same-organisation"],
      ["a", "e", "similar-name-same-organisation"],
      ["b", "e", "similar-name-same-organisation"],
    ]);
  });
});
