// adoptPerson: reading a file's records keeps a freshly parsed person as it is when its fields are
// already in canonical order (as files write them) and copies it into that order otherwise, so the
// network holds the same records either way.
import { describe, expect, it } from "vitest";
import { adoptPerson, cleanPerson } from "../src/model/validate.js";
import type { Person } from "../src/model/types.js";

describe("adoptPerson", () => {
  it("keeps a record whose fields are in canonical order", () => {
    const p = JSON.parse('{"id":"ann","name":"Ann","emails":["a@x.org"],"tags":["vc"],"notes":"n","cadenceDays":30}') as Person;
    expect(adoptPerson(p)).toBe(p);
    expect(Object.keys(adoptPerson(p))).toEqual(Object.keys(cleanPerson(p)));
  });

  it("copies into canonical order a record out of order, with an unknown field or an undefined one", () => {
    const cases: Person[] = [
      JSON.parse('{"name":"Ann","id":"ann"}') as Person,
      JSON.parse('{"id":"ann","name":"Ann","tags":["x"],"emails":["a@x.org"]}') as Person,
      JSON.parse('{"id":"ann","name":"Ann","nickname":"Annie"}') as Person,
      { id: "ann", name: "Ann", url: undefined } as unknown as Person,
    ];
    for (const p of cases) {
      const adopted = adoptPerson(p);
      expect(adopted).not.toBe(p);
      expect(adopted).toEqual(cleanPerson(p));
      expect(Object.keys(adopted)).toEqual(Object.keys(cleanPerson(p)));
    }
    // the order by hand: id, name, emails, url, tags, …, then unknown fields
    expect(Object.keys(adoptPerson(cases[1]!))).toEqual(["id", "name", "emails", "tags"]);
    expect(Object.keys(adoptPerson(cases[3]!))).toEqual(["id", "name"]);
  });
});
