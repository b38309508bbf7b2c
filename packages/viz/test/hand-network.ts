/**
 * The small hand-worked network of the viz tests. Every exchange is dated
 * 2026-03-01, the reference day, so nothing decays and tie strengths are
 * `1 − exp(−S/4)` with S the summed values (core's defaults, κ = 4):
 *
 * | tie      | exchanges (value)                                 | S | strength            |
 * | me–ann   | me→ann favour (3), ann→me information (1)         | 4 | 1 − e^−1    = 0.632121 |
 * | me–bob   | me→bob meeting (1)                                | 1 | 1 − e^−0.25 = 0.221199 |
 * | me–cat   | cat→me information (1) ×2                         | 2 | 1 − e^−0.5  = 0.393469 |
 * | me–fay   | me→fay information (1)                            | 1 | 0.221199 |
 * | dan–fay  | dan→fay favour (3)                                | 3 | 1 − e^−0.75 = 0.527633 |
 * | bob–cat  | bob→cat information (1), bob→cat favour (3, confidential) | 1 open (4 with it) | 0.221199 (0.632121) |
 * | dan–eve  | dan→eve favour (3, confidential)                  | — | not drawn |
 *
 * Organisations: Acme (me, ann, bob), Globex (cat, dan), Initech (fay); eve has none.
 * Person indices: me 0, ann 1, bob 2, cat 3, dan 4, eve 5, fay 6.
 */
import { Network, type NetworkData } from "@tiegraph/core";

/** The hand network's data (a fresh copy). */
export function handNetworkData(): NetworkData {
  const day = "2026-03-01";
  return {
    ego: "me",
    organisations: [
      { id: "acme", name: "Acme" },
      { id: "globex", name: "Globex" },
      { id: "initech", name: "Initech" },
    ],
    people: [
      { id: "me", name: "Me" },
      { id: "ann", name: "Ann", notes: "SECRET-NOTE-ANN" },
      { id: "bob", name: "Bob" },
      { id: "cat", name: "Cat" },
      { id: "dan", name: "Dan" },
      { id: "eve", name: "Eve", notes: "SECRET-NOTE-EVE" },
      { id: "fay", name: "Fay" },
    ],
    affiliations: [
      { person: "me", organisation: "acme", from: "2020-01-01" },
      { person: "ann", organisation: "acme", from: "2020-01-01" },
      { person: "bob", organisation: "acme", from: "2020-01-01" },
      { person: "cat", organisation: "globex", from: "2020-01-01" },
      { person: "dan", organisation: "globex", from: "2020-01-01" },
      { person: "fay", organisation: "initech", from: "2020-01-01" },
    ],
    exchanges: [
      { date: day, kind: "favour", from: "me", to: "ann" },
      { date: day, kind: "information", from: "ann", to: "me" },
      { date: day, kind: "meeting", from: "me", to: "bob" },
      { date: day, kind: "information", from: "cat", to: "me" },
      { date: day, kind: "information", from: "cat", to: "me" },
      { date: day, kind: "information", from: "me", to: "fay" },
      { date: day, kind: "favour", from: "dan", to: "fay" },
      { date: day, kind: "information", from: "bob", to: "cat" },
      { date: day, kind: "favour", from: "bob", to: "cat", confidential: true, note: "SECRET-EXCHANGE-NOTE" },
      { date: day, kind: "favour", from: "dan", to: "eve", confidential: true, note: "SECRET-EXCHANGE-NOTE" },
    ],
  };
}

/** The hand network. */
export function handNetwork(): Network {
  return Network.from(handNetworkData());
}

/** `1 − e^(−S/4)`: tie strength of an undecayed sum S. */
export const strengthOf = (S: number): number => 1 - Math.exp(-S / 4);
