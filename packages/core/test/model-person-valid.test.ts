// personValid tells a good person record good without making anything; whatever it calls good, the
// reporting check (personOk, through checkBatch and checkPerson) must find nothing wrong with, and a
// record it does not call good is checked by personOk all the same. Compared here on random records,
// good and bad in every field the rules look at.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Network, checkBatch, type Person } from "@tiegraph/core";
import { checkPerson, personValid } from "../src/model/validate.js";

/** A value of any of the kinds a JSON file (or a caller) could put in a field. */
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 3 }),
  fc.constantFrom(0, -1, 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }),
  fc.array(fc.oneof(fc.string({ maxLength: 2 }), fc.integer(), fc.constant(null)), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 2 }), fc.oneof(fc.string({ maxLength: 2 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 1 })), { maxKeys: 2 }),
);

/** A good value most of the time, any value now and then. */
const mostly = <T,>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: anyValue, weight: 1 });

/** Mostly good fields, each now and then replaced by any value (or left out). */
const person: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    id: mostly(fc.constantFrom("ann", "bo", "cy")),
    name: mostly(fc.constantFrom("Ann", "", "Bo Li")),
    emails: mostly(fc.array(fc.constantFrom("a@x.org", "b@y.org"), { maxLength: 2 })),
    url: mostly(fc.constant("https://example.org/ann")),
    tags: mostly(fc.array(fc.constantFrom("mentor", "alumni"), { maxLength: 2 })),
    notes: mostly(fc.constant("met at the fair")),
    interests: mostly(fc.array(fc.constant("ai"), { maxLength: 1 })),
    offers: mostly(fc.array(fc.constant("intros"), { maxLength: 1 })),
    cadenceDays: mostly(fc.constantFrom(7, 30.5)),
    attributes: mostly(fc.constant({ office: "Paris", floor: 3, remote: false })),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

/** The problems the reporting check finds with one person (checkBatch on an empty network: the record's own rules). */
function problemsOf(p: unknown): string[] {
  return checkBatch(new Network(), { people: [p as Person] }).map((x) => x.code);
}

describe("personValid", () => {
  it("calls a record good exactly when the reporting check finds nothing wrong with it", () => {
    let good = 0;
    fc.assert(
      fc.property(fc.oneof(person, anyValue), (p) => {
        const problems = problemsOf(p);
        expect(personValid(p as unknown as Person)).toBe(problems.length === 0);
        if (problems.length === 0) good++;
      }),
      { numRuns: 2000 },
    );
    // the generator makes good records as well as bad ones
    expect(good).toBeGreaterThan(200);
    // the one good record it leaves to personOk: a list with holes (personOk skips them)
    // eslint-disable-next-line no-sparse-arrays
    const holes = { id: "ann", name: "Ann", tags: ["x", , "y"] } as unknown as Person;
    expect(problemsOf(holes)).toEqual([]);
    expect(personValid(holes)).toBe(false);
  });

  it("leaves each kind of bad field to the reporting check, which names it", () => {
    const ann = { id: "ann", name: "Ann" };
    const bad: [Record<string, unknown>, string][] = [
      [{ ...ann, id: "" }, "/people/0/id"],
      [{ ...ann, name: 3 }, "/people/0/name"],
      [{ ...ann, emails: "a@x.org" }, "/people/0/emails"],
      [{ ...ann, tags: ["x", 1] }, "/people/0/tags"],
      [{ ...ann, interests: [null] }, "/people/0/interests"],
      [{ ...ann, offers: {} }, "/people/0/offers"],
      [{ ...ann, notes: [] }, "/people/0/notes"],
      [{ ...ann, url: 1 }, "/people/0/url"],
      [{ ...ann, cadenceDays: 0 }, "/people/0/cadenceDays"],
      [{ ...ann, cadenceDays: Number.POSITIVE_INFINITY }, "/people/0/cadenceDays"],
      [{ ...ann, cadenceDays: "7" }, "/people/0/cadenceDays"],
      [{ ...ann, attributes: [] }, "/people/0/attributes"],
      [{ ...ann, attributes: { office: null } }, "/people/0/attributes/office"],
    ];
    for (const [p, pointer] of bad) {
      expect(personValid(p as unknown as Person)).toBe(false);
      expect(() => checkPerson(p as unknown as Person, "/people/0")).toThrow(expect.objectContaining({ pointer }));
    }
    expect(personValid({ ...ann, emails: [], attributes: { office: "Paris", floor: 3, remote: false }, cadenceDays: 0.5 })).toBe(true);
  });
});
