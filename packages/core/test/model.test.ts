import { describe, expect, it } from "vitest";
import { errorOf } from "./error-of.js";
import { Network, DEFAULT_KIND_VALUES, parseDay, formatDay, type NetworkData } from "@tiegraph/core";

const base = (): NetworkData => ({
  ego: "me",
  organisations: [{ id: "acme", name: "Acme" }, { id: "globex", name: "Globex" }],
  people: [
    { id: "me", name: "Me" },
    { id: "ann", name: "Ann", emails: ["ann@acme.test"], interests: ["hiring"] },
    { id: "bob", name: "Bob" },
  ],
  affiliations: [
    { person: "me", organisation: "acme", from: "2020-01-01" },
    { person: "ann", organisation: "acme", from: "2019-05-01", to: "2024-06-30" },
    { person: "ann", organisation: "globex", from: "2024-07-01" },
    { person: "bob", organisation: "globex" },
  ],
  exchanges: [
    { id: "x1", date: "2024-03-01", kind: "favour", from: "ann", to: "me" },
    { date: "2024-08-01", kind: "meeting", from: "me", to: "ann", minutes: 45, format: "coffee" },
    { date: "2024-09-01", kind: "information", from: "me", to: "bob", value: 2, tags: ["pricing"], note: "secret", confidential: true },
  ],
});


describe("Network model", () => {
  it("holds people, organisations, affiliations and exchanges with indices", () => {
    const net = Network.from(base());
    expect(net.personCount).toBe(3);
    expect(net.organisationCount).toBe(2);
    expect(net.affiliationCount).toBe(4);
    expect(net.exchangeCount).toBe(3);
    expect(net.ego).toBe("me");
    expect(net.exchangeIndex("x1")).toBe(0);
    expect(net.exchangeId(1)).toBe("#2");
    expect(net.exchangeIndex("#2")).toBe(1);
    // default values by kind, overrides kept
    const cols = net.exchangeColumns();
    expect(cols.value[0]).toBe(DEFAULT_KIND_VALUES.favour);
    expect(cols.value[2]).toBe(2);
    expect(cols.confidential[2]).toBe(1);
    expect(net.exchangeAt(1)).toEqual({ id: "#2", date: "2024-08-01", kind: "meeting", from: "me", to: "ann", minutes: 45, format: "coffee" });
    expect(net.exchangesBetween("me", "ann")).toEqual([0, 1]);
    expect([...net.exchangesOf("bob")]).toEqual([2]);
  });

  it("judges organisation membership on the date (people change employers)", () => {
    const net = Network.from(base());
    expect(net.organisationsOn("ann", "2024-03-01")).toEqual(["acme"]);
    expect(net.organisationsOn("ann", "2024-06-30")).toEqual(["acme"]);
    expect(net.organisationsOn("ann", "2024-07-01")).toEqual(["globex"]);
    const me = net.personIndex("me");
    const ann = net.personIndex("ann");
    expect(net.shareOrganisationOn(me, ann, parseDay("2024-03-01")!)).toBe(true);
    expect(net.shareOrganisationOn(me, ann, parseDay("2024-08-01")!)).toBe(false);
    expect(net.organisationsOn("bob", "1990-01-01")).toEqual(["globex"]);
  });

  it("round-trips through toData", () => {
    const data = base();
    const net = Network.from(data);
    const again = Network.from(net.toData());
    expect(again.toData()).toEqual(net.toData());
    expect(again.exchangeAt(2).note).toBe("secret");
  });

  it("parses and formats calendar dates, rejecting impossible ones", () => {
    expect(parseDay("1970-01-01")).toBe(0);
    expect(parseDay("2000-03-01")! - parseDay("2000-02-28")!).toBe(2); // 2000 is a leap year
    expect(parseDay("1900-03-01")! - parseDay("1900-02-28")!).toBe(1); // 1900 is not
    expect(parseDay("2023-02-29")).toBeUndefined();
    expect(parseDay("2024-13-01")).toBeUndefined();
    expect(parseDay("12 Mar 2024")).toBeUndefined();
    // a time is ignored, the written date is kept (no UTC conversion)
    expect(parseDay("2024-03-12T23:30:00-05:00")).toBe(parseDay("2024-03-12"));
    for (const d of [-1000, 0, 19000, 20000]) expect(parseDay(formatDay(d))).toBe(d);
  });
});

describe("validation: a clear typed error and nothing applied", () => {
  const cases: [string, (d: NetworkData) => void, string, string][] = [
    ["unknown person in an exchange", (d) => (d.exchanges![0]!.to = "zed"), "unknown-person", "/exchanges/0/to"],
    ["duplicate person id", (d) => d.people!.push({ id: "ann", name: "Other Ann" }), "duplicate-id", "/people/3/id"],
    ["duplicate organisation id", (d) => d.organisations!.push({ id: "acme", name: "Acme 2" }), "duplicate-id", "/organisations/2/id"],
    ["duplicate exchange id", (d) => d.exchanges!.push({ id: "x1", date: "2024-01-01", kind: "favour", from: "me", to: "bob" }), "duplicate-id", "/exchanges/3/id"],
    ["self-exchange", (d) => (d.exchanges![0]!.to = "ann"), "self-exchange", "/exchanges/0/to"],
    ["negative value", (d) => (d.exchanges![0]!.value = -1), "invalid-value", "/exchanges/0/value"],
    ["non-finite value", (d) => (d.exchanges![0]!.value = Infinity), "invalid-value", "/exchanges/0/value"],
    ["NaN minutes", (d) => (d.exchanges![1]!.minutes = NaN), "invalid-value", "/exchanges/1/minutes"],
    ["impossible date", (d) => (d.exchanges![0]!.date = "2023-02-30"), "invalid-date", "/exchanges/0/date"],
    ["unknown kind", (d) => ((d.exchanges![0] as { kind: string }).kind = "bribe"), "invalid-kind", "/exchanges/0/kind"],
    ["affiliation ending before it starts", (d) => (d.affiliations![1]!.to = "2018-01-01"), "invalid-range", "/affiliations/1/to"],
    ["affiliation to an unknown organisation", (d) => (d.affiliations![0]!.organisation = "initech"), "unknown-organisation", "/affiliations/0/organisation"],
    ["unknown ego", (d) => (d.ego = "nobody"), "unknown-person", "/ego"],
    ["person without a name", (d) => delete (d.people![1] as { name?: string }).name, "missing-field", "/people/1/name"],
  ];
  for (const [what, mutate, code, pointer] of cases) {
    it(`rejects ${what}`, () => {
      const data = base();
      mutate(data);
      const err = errorOf(() => Network.from(data));
      expect(err.code).toBe(code);
      expect(err.pointer).toBe(pointer);
      expect(err.message).toContain(pointer);
      expect(err.expected).toBeTruthy();
    });
  }

  it("leaves the network exactly as it was when a batch fails", () => {
    const net = Network.from(base());
    const before = JSON.stringify(net.toData());
    const rev = net.revision;
    const err = errorOf(() =>
      net.apply({
        people: [{ id: "cy", name: "Cy" }],
        exchanges: [
          { date: "2024-10-01", kind: "favour", from: "cy", to: "me" },
          { date: "2024-10-02", kind: "favour", from: "cy", to: "nobody" },
        ],
      }),
    );
    expect(err.code).toBe("unknown-person");
    expect(err.record).toBe("exchange #1");
    expect(JSON.stringify(net.toData())).toBe(before);
    expect(net.revision).toBe(rev);
    expect(net.hasPerson("cy")).toBe(false);
  });

  it("validates person updates before applying them", () => {
    const net = Network.from(base());
    errorOf(() => net.updatePerson("ann", { cadenceDays: -3 }));
    expect(net.person("ann").cadenceDays).toBeUndefined();
    net.updatePerson("ann", { cadenceDays: 30 });
    expect(net.person("ann").cadenceDays).toBe(30);
  });
});
