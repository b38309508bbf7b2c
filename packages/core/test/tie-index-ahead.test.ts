// A tie index built apart from its network (buildTieIndex on the exchanges of a columnar copy,
// decodeExchangeSource: what the CLI's worker thread does while the main thread decodes the
// whole copy) and then adopted (adoptTieIndex) must be, bit for bit, the index the network
// would have built itself for the same options, redacted or not; an index that does not fit the
// network as it is (another reference day, half-life, person count or confidentiality) is refused
// and the network builds its own.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeNetworkColumns, directedTies, encodeNetworkColumns, generateNetwork, relationships, type DirectedTies, type Network, type Relationships, type TieIndexOptions } from "@tiegraph/core";
import { adoptTieIndex, buildTieIndex, decodeExchangeSource } from "@tiegraph/core/internal";

const SOURCE = "c".repeat(64);

/** The bytes of every typed array of an index, by name, and its scalars. */
function bitsOf(index: DirectedTies | Relationships): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(index)) {
    out[key] = ArrayBuffer.isView(value) ? `${value.constructor.name}:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64")}` : (value as number);
  }
  return out;
}

/** The index the network builds itself for these options. */
function ownIndex(network: Network, kind: "directed" | "relationships", options: TieIndexOptions): DirectedTies | Relationships {
  return kind === "directed" ? directedTies(network, options) : relationships(network, options);
}

/** A generated network (with confidential exchanges and notes) through its columnar copy, as a command reads it. */
function copied(seed: number, people: number, exchanges: number, halfLifeDays: number | undefined): Uint8Array {
  const net = generateNetwork({ seed, people, exchanges });
  if (halfLifeDays !== undefined) net.setSettings({ ...net.settings, halfLifeDays });
  return encodeNetworkColumns(net, SOURCE);
}

describe("a tie index built from a columnar copy's exchanges and adopted", () => {
  it("is the index the decoded network builds itself, bit for bit, redacted or not, for either kind and any reference day", () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.nat(1000),
          people: fc.integer({ min: 3, max: 40 }),
          exchanges: fc.integer({ min: 0, max: 300 }),
          halfLifeDays: fc.option(fc.constantFrom(30, 365.25), { nil: undefined }),
          kind: fc.constantFrom("directed" as const, "relationships" as const),
          includeConfidential: fc.boolean(),
          // redacted as an analysis command reads it, or kept whole and asked to leave confidential exchanges out (an export)
          redact: fc.boolean(),
          // no day (the last exchange counted), a day inside the generated span (some exchanges come after it), far beyond
          asOf: fc.option(fc.constantFrom(20200, 20500, 40000), { nil: undefined }),
        }),
        ({ seed, people, exchanges, halfLifeDays, kind, includeConfidential, redact, asOf }) => {
          const bytes = copied(seed, people, exchanges, halfLifeDays);
          const ex = decodeExchangeSource(bytes.slice(), SOURCE)!;
          expect(ex.halfLifeDays).toBe(halfLifeDays);
          const options: TieIndexOptions = { excludeConfidential: !includeConfidential, ...(asOf !== undefined ? { asOf } : {}) };
          const built = buildTieIndex(kind, ex, { ...options, ...(ex.halfLifeDays !== undefined ? { halfLifeDays: ex.halfLifeDays } : {}) });
          // each decode takes over the buffer it is given (and redaction moves its columns): a copy each
          const read = (): Network => {
            const net = decodeNetworkColumns(bytes.slice(), SOURCE)!;
            if (redact && !includeConfidential) net.removeConfidential();
            return net;
          };
          const network = read();
          expect(adoptTieIndex(network, built, options)).toBe(true);
          // taken as the network's own: no second build
          expect(ownIndex(network, kind, options)).toBe(built.index);
          expect(bitsOf(built.index)).toEqual(bitsOf(ownIndex(read(), kind, options)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reads from the copy exactly the exchange columns, person count and half-life of the decoded network", () => {
    const bytes = copied(3, 50, 800, 90);
    const ex = decodeExchangeSource(bytes, SOURCE)!;
    const net = decodeNetworkColumns(bytes, SOURCE)!;
    expect(ex.personCount).toBe(net.personCount);
    expect(ex.halfLifeDays).toBe(90);
    const got = ex.exchangeColumns();
    const want = net.exchangeColumns();
    expect(got.count).toBe(800);
    for (const key of ["from", "to", "day", "kind", "value", "minutes", "confidential", "format"] as const) expect(Array.from(got[key]), key).toEqual(Array.from(want[key]));
    // the generated network holds confidential exchanges, so the column is not trivially all zero
    expect(got.confidential.includes(1)).toBe(true);
  });

  it("reads nothing from bytes that are not a copy of that source, or name a person out of range", () => {
    const bytes = copied(4, 20, 100, undefined);
    expect(decodeExchangeSource(bytes, "d".repeat(64))).toBeUndefined();
    expect(decodeExchangeSource(new TextEncoder().encode('{"people":[]}'), SOURCE)).toBeUndefined();
    expect(decodeExchangeSource(bytes.subarray(0, 40), SOURCE)).toBeUndefined();
    // the first `from` made 25 (there are 21 people: 20 and ego): the header says where the columns start
    const net = decodeNetworkColumns(bytes, SOURCE)!;
    const from = net.exchangeColumns().from;
    const damaged = bytes.slice();
    const at = Buffer.from(damaged.buffer).indexOf(Buffer.from(from.buffer, from.byteOffset, 400));
    expect(at).toBeGreaterThan(0);
    new DataView(damaged.buffer).setInt32(at, 25, true);
    expect(decodeExchangeSource(damaged, SOURCE)).toBeUndefined();
  });

  it("is refused when it does not fit the network as it is, which then builds its own", () => {
    const bytes = copied(5, 30, 400, undefined);
    // each decode takes over the buffer it is given (and redaction moves its columns): a copy each
    const ex = decodeExchangeSource(bytes.slice(), SOURCE)!;
    const fresh = (): Network => decodeNetworkColumns(bytes.slice(), SOURCE)!;
    const redacted = (): Network => {
      const net = fresh();
      net.removeConfidential();
      return net;
    };
    const last = directedTies(fresh(), { excludeConfidential: true }).asOf;
    // another reference day than the one the network settles on
    const early = buildTieIndex("directed", ex, { excludeConfidential: true, asOf: last - 30 });
    let net = redacted();
    expect(adoptTieIndex(net, early, {})).toBe(false);
    expect(directedTies(net)).not.toBe(early.index);
    expect(directedTies(net).asOf).toBe(last);
    // built with the confidential exchanges in, offered to a network they were removed from (Σ count differs)
    const whole = buildTieIndex("directed", ex, { asOf: last });
    expect(adoptTieIndex(redacted(), whole, { asOf: last })).toBe(false);
    // built without them, offered to a network that keeps them and is asked to count them
    const open = buildTieIndex("relationships", ex, { excludeConfidential: true });
    expect(adoptTieIndex(fresh(), open, {})).toBe(false);
    // and with them, to one asked to leave them out
    expect(adoptTieIndex(fresh(), buildTieIndex("relationships", ex, {}), { excludeConfidential: true })).toBe(false);
    // another half-life than the network's (the default, 180 days)
    expect(adoptTieIndex(redacted(), buildTieIndex("directed", ex, { excludeConfidential: true, halfLifeDays: 90 }), {})).toBe(false);
    // another network (another person count)
    const other = decodeExchangeSource(copied(5, 31, 400, undefined), SOURCE)!;
    net = redacted();
    expect(adoptTieIndex(net, buildTieIndex("directed", other, { excludeConfidential: true }), {})).toBe(false);
    // while the fitting ones are taken
    expect(adoptTieIndex(redacted(), buildTieIndex("directed", ex, { excludeConfidential: true }), {})).toBe(true);
    expect(adoptTieIndex(fresh(), buildTieIndex("directed", ex, {}), {})).toBe(true);
    expect(adoptTieIndex(fresh(), open, { excludeConfidential: true })).toBe(true);
  });
});
