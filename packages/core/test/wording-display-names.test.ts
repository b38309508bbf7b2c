// displayNames: same-named people are told apart by organisation, then e-mail, then id; unique names stay as written.
import { describe, expect, it } from "vitest";
import { Network, displayNames } from "@tiegraph/core";

function network(): Network {
  return Network.from({
    ego: "me",
    people: [
      { id: "me", name: "Me" },
      { id: "d1", name: "Dmitri Kim", emails: ["dk@acme.org"] },
      { id: "d2", name: "dmitri  kim", emails: ["dmitri@globex.com"] },
      { id: "a1", name: "Ann Lee", emails: ["ann@acme.org"] },
      { id: "a2", name: "Ann Lee", emails: ["ann.lee@acme.org"] },
      { id: "b1", name: "Bo Chen" },
      { id: "b2", name: "Bo Chen" },
      { id: "z", name: "Zoë Unique" },
    ],
    organisations: [
      { id: "acme", name: "Acme" },
      { id: "globex", name: "Globex" },
    ],
    affiliations: [
      { person: "d1", organisation: "acme", from: "2020-01-01" },
      { person: "d2", organisation: "acme", from: "2018-01-01", to: "2019-12-31" },
      { person: "d2", organisation: "globex", from: "2020-01-01" },
      { person: "a1", organisation: "acme" },
      { person: "a2", organisation: "acme" },
    ],
    exchanges: [{ date: "2024-05-01", from: "me", to: "d1", kind: "meeting" }],
  });
}

describe("displayNames", () => {
  const net = network();
  const name = displayNames(net);
  const of = (id: string) => name(net.personIndex(id));

  it("keeps names nobody else has as written", () => {
    expect(of("me")).toBe("Me");
    expect(of("z")).toBe("Zoë Unique");
  });

  it("adds the organisation on the last day when it tells same-named people apart (case and spaces folded)", () => {
    expect(of("d1")).toBe("Dmitri Kim (Acme)");
    expect(of("d2")).toBe("dmitri  kim (Globex)");
  });

  it("adds the first e-mail when the organisation is shared", () => {
    expect(of("a1")).toBe("Ann Lee (Acme, ann@acme.org)");
    expect(of("a2")).toBe("Ann Lee (Acme, ann.lee@acme.org)");
  });

  it("falls back to the id when nothing else differs", () => {
    expect(of("b1")).toBe("Bo Chen (#b1)");
    expect(of("b2")).toBe("Bo Chen (#b2)");
  });

  it("gives every person of the network a distinct display name", () => {
    const all = net.people().map((_p, i) => name(i));
    expect(new Set(all).size).toBe(all.length);
  });
});
