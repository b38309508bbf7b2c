/**
 * What the person panel shows about one person, gathered in the worker from
 * core's measures: organisation history, the tie and the ledger with ego,
 * interests, mutual connections and recent exchanges. Confidential exchanges
 * and notes are only included when the reader revealed them, so they never
 * reach the page otherwise.
 */
import { displayNames, formatDay, mutualConnections, relationshipBalance, type Network, type PathIndex, type RelationshipBalance, type Relationships } from "@tiegraph/core";

/** Most exchanges listed. */
export const RECENT_EXCHANGES = 12;
/** Most mutual connections listed. */
export const MUTUAL_SHOWN = 12;

/** One line of the exchange list. */
export interface ExchangeLine {
  date: string;
  kind: string;
  format: string | undefined;
  from: string;
  to: string;
  tags: string[];
  confidential: boolean;
  /** Only when revealed. */
  note: string | undefined;
}

/** The person panel's content. */
export interface PersonDetails {
  id: string;
  name: string;
  isEgo: boolean;
  /** Whether the network has an ego at all. */
  hasEgo: boolean;
  /** Whether confidential data is included. */
  revealed: boolean;
  /** Organisation names on the reference day. */
  organisationsNow: string[];
  /** Affiliations, latest first. */
  history: { organisation: string; role: string | undefined; from: string | undefined; to: string | undefined }[];
  interests: string[];
  /** What you can offer them (Person.offers). */
  offers: string[];
  tags: string[];
  /** The tie with ego: undefined for ego or without an ego; null when there is none. */
  tie: { strength: number; lastDate: string; daysSince: number; exchanges: number } | null | undefined;
  /** The ledger with ego, from ego's side. */
  balance: RelationshipBalance | undefined;
  /** Mutual connections with ego, strongest first. */
  mutual: { id: string; name: string; withYou: number; withThem: number }[];
  mutualCount: number;
  /** Latest exchanges with ego (or of the person, for ego or without an ego), newest first. */
  exchanges: ExchangeLine[];
  /** Confidential exchanges left out of `exchanges`. */
  hiddenConfidential: number;
  /** Person notes, only when revealed. */
  notes: string | undefined;
}

/** The details of person `id`; throws `unknown-person` for an id not in the network. */
export function personDetails(network: Network, paths: () => PathIndex, relationshipsOf: (withConfidential: boolean) => Relationships, id: string, reveal: boolean, names: (index: number) => string = displayNames(network), asOfDay?: number): PersonDetails {
  const i = network.personIndex(id);
  const person = network.personAt(i);
  const ego = network.egoIndex;
  const withEgo = ego >= 0 && ego !== i;
  const asOf = asOfDay ?? network.dayRange()?.last ?? 0;
  const name = (p: string) => names(network.personIndex(p));

  let tie: PersonDetails["tie"];
  let balance: RelationshipBalance | undefined;
  let mutual: PersonDetails["mutual"] = [];
  let mutualCount = 0;
  if (withEgo) {
    const rel = relationshipsOf(reveal);
    let slot = -1;
    for (let q = rel.offsets[i]!; q < rel.offsets[i + 1]!; q++) if (rel.neighbor[q] === ego) slot = rel.pair[q]!;
    // a tie resting only on confidential exchanges is no tie until revealed
    tie = slot >= 0 && (reveal || !rel.confidentialOnly[slot]) ? { strength: rel.strength[slot]!, lastDate: formatDay(rel.lastDay[slot]!), daysSince: rel.asOf - rel.lastDay[slot]!, exchanges: rel.count[slot]! } : null;
    if (tie && !reveal) {
      // last contact and count from the exchanges that may be shown
      const shown = network.exchangesBetween(i, ego).filter((e) => !network.isConfidential(e));
      const last = network.exchangeColumns().day[shown[shown.length - 1]!]!;
      tie = { ...tie, lastDate: formatDay(last), daysSince: rel.asOf - last, exchanges: shown.length };
    }
    balance = relationshipBalance(network, network.personAt(ego).id, id, { excludeConfidential: !reveal, revealConfidential: reveal, ...(asOfDay === undefined ? {} : { asOf: formatDay(asOfDay) }) });
    // asked from the person's side: core looks exchanges up through the first person's list, and
    // ego's is the longest of all (a quarter of a generated network's); the ranking is symmetric
    const all = mutualConnections(paths(), id, network.personAt(ego).id, { skipConfidentialOnly: !reveal, showConfidential: reveal });
    mutualCount = all.length;
    mutual = all.slice(0, MUTUAL_SHOWN).map((m) => ({ id: m.person, name: name(m.person), withYou: m.withB.strength, withThem: m.withA.strength }));
  }

  // the same exchanges in the same (date) order either way round; through the person's own list, not ego's long one
  const list = withEgo ? network.exchangesBetween(i, ego) : Array.from(network.exchangesOf(i));
  const visible = list.filter((e) => reveal || !network.isConfidential(e));
  const exchanges = visible
    .slice(-RECENT_EXCHANGES)
    .reverse()
    .map((e): ExchangeLine => {
      const x = network.exchangeAt(e);
      return { date: x.date, kind: x.kind, format: x.format, from: name(x.from), to: name(x.to), tags: x.tags ?? [], confidential: x.confidential === true, note: reveal ? x.note : undefined };
    });

  return {
    id,
    name: names(i),
    isEgo: i === ego,
    hasEgo: ego >= 0,
    revealed: reveal,
    organisationsNow: network.organisationIndicesOn(i, asOf).map((o) => network.organisationAt(o).name),
    history: network
      .affiliationsOf(id)
      .reverse()
      .map((a) => ({ organisation: network.organisation(a.organisation).name, role: a.role, from: a.from, to: a.to })),
    interests: person.interests ?? [],
    offers: person.offers ?? [],
    tags: person.tags ?? [],
    tie,
    balance,
    mutual,
    mutualCount,
    exchanges,
    hiddenConfidential: list.length - visible.length,
    notes: reveal ? person.notes : undefined,
  };
}
