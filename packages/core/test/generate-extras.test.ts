// The generator's `extras` option: explicit, the same at every size, and removing exactly the optional fields.
import { describe, expect, it } from "vitest";
import { generateNetwork, TiegraphError, type NetworkData } from "@tiegraph/core";
import { extrasReader } from "@tiegraph/core/internal";

const strip = (d: NetworkData): NetworkData => ({
  ...d,
  people: (d.people ?? []).map(({ emails: _e, interests: _i, tags: _t, notes: _n, ...p }) => p),
  exchanges: (d.exchanges ?? []).map(({ tags: _t, note: _n, ...e }) => e),
});

describe("generateNetwork extras", () => {
  it("defaults to true: every person but ego has an email; some have interests, tags and notes", () => {
    const d = generateNetwork({ seed: 3, people: 200, exchanges: 2000 }).toData();
    const others = (d.people ?? []).filter((p) => p.id !== "me");
    expect(others.every((p) => p.emails?.[0] === `${p.id}@example.org`)).toBe(true);
    expect(others.some((p) => p.interests?.length)).toBe(true);
    expect(others.some((p) => p.tags?.length)).toBe(true);
    expect(d.exchanges!.some((e) => e.kind === "information" && e.tags?.length === 1)).toBe(true);
  });

  it("extras: false leaves out exactly those fields and changes nothing else", () => {
    const full = generateNetwork({ seed: 3, people: 200, exchanges: 2000 }).toData();
    const bare = generateNetwork({ seed: 3, people: 200, exchanges: 2000, extras: false }).toData();
    expect((bare.people ?? []).some((p) => p.emails || p.interests || p.tags || p.notes)).toBe(false);
    expect(bare.exchanges!.some((e) => e.tags || e.note)).toBe(false);
    expect(bare).toEqual(strip(full));
  });

  it("keeps extras above 20,000 people (the size where it used to drop them silently)", () => {
    const net = generateNetwork({ seed: 9, people: 20_001, exchanges: 3000 });
    expect(net.person("p20001").emails).toEqual(["p20001@example.org"]);
    const d = net.toData();
    expect(d.exchanges!.filter((e) => e.kind === "information").every((e) => e.tags?.length === 1)).toBe(true);
  });

  it("shares one extras record per topic among the information exchanges without a note; a note makes its own", () => {
    const net = generateNetwork({ seed: 5, people: 300, exchanges: 6000 });
    const d = net.toData();
    const extrasOf = extrasReader(net.rawExchangeColumns());
    const byTopic = new Map<string, object>();
    let shared = 0;
    let noted = 0;
    d.exchanges!.forEach((e, i) => {
      const x = extrasOf(i);
      if (e.kind !== "information") return;
      if (e.confidential) {
        // the note goes on a record of its own, after the topic (the file's field order): { tags, note }
        noted++;
        expect(Object.keys(x!)).toEqual(["tags", "note"]);
        expect(byTopic.get(e.tags![0]!)).not.toBe(x);
        return;
      }
      // no note leaks onto a shared record: an exchange that is not confidential never has one
      expect(e.note).toBeUndefined();
      const first = byTopic.get(e.tags![0]!);
      if (first === undefined) byTopic.set(e.tags![0]!, x!);
      else {
        expect(x).toBe(first);
        shared++;
      }
    });
    expect(noted).toBeGreaterThan(0);
    expect(shared).toBeGreaterThan(1000);
    // only the topics make records: far fewer than the exchanges that hold one
    expect(byTopic.size).toBeLessThanOrEqual(40);
  });

  it("refuses a non-boolean extras with a typed error", () => {
    expect(() => generateNetwork({ seed: 1, extras: "yes" as unknown as boolean })).toThrow(TiegraphError);
  });
});
