/**
 * Validated edits of a network: add, update and remove people,
 * organisations, affiliations and exchanges, merge two people, set ego. A
 * list of edits is one all-or-nothing change checked by the same rules as
 * loading (validate.ts), and gives back the edits that undo it.
 */
import { TiegraphError, showValue, type Problem, type TiegraphErrorCode } from "../errors.js";
import type { StagedExchange } from "./exchange-store.js";
import { NO_SPANS, type ModelState } from "./state.js";
import { checkRequests } from "./request-check.js";
import { copyRequest } from "./request-store.js";
import type { IntroductionRequest } from "./request-types.js";
import type { Affiliation, Exchange, NetworkData, Organisation, OrganisationId, Person, PersonId } from "./types.js";
import { OPEN_END, OPEN_START, checkOrganisation, checkPerson, cleanOrganisation, cleanPerson, problemsError, stageBatch, type AffiliationSpan, type NetworkLookup, type StagedBatch } from "./validate.js";
import { formatDay } from "./dates.js";

const SCOPE = "tiegraph/model";

/**
 * Fields to change; a field set to `undefined` is removed.
 *
 * @example const patch: Patch<Omit<Person, "id">> = { name: "Ann Lee", notes: undefined };
 */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * One change to a network. Positions (`at`, `index`) are optional on adds:
 * without them a record goes where loading would put it (people,
 * organisations and exchanges at the end, an affiliation after the person's
 * others that start on or before it); undo edits carry them so that undoing
 * gives back the network exactly.
 *
 * - `remove-person` also removes the person's affiliations and every exchange
 *   that names them (as giver, receiver or introduced person).
 * - `remove-organisation` refuses while an affiliation names the organisation.
 * - `update-*` patches replace the fields given; a field set to `undefined` is removed.
 * - `merge-people` moves every exchange and affiliation of `drop` to `keep`,
 *   fills in what `keep` lacks from `drop` (addresses, tags and interests are
 *   joined; notes are joined on a new line; other fields are kept from `keep`),
 *   makes `keep` ego if `drop` was, and removes `drop`. Exchanges between the
 *   two, and introductions that would introduce `keep` to themself, are
 *   removed: a person cannot exchange with themself. The undo brings them back.
 *   Introduction requests naming `drop` name `keep` instead (refused if that
 *   would make a request's asker, connector and target not three people).
 * - `remove-person` and `remove-organisation` refuse while an introduction
 *   request names them (requests are a record of what you asked; remove those
 *   first with `remove-request`).
 * - `put-request` stores an introduction request, replacing the one with the
 *   same id (in place) or adding it (at `at`, default the end), checked by
 *   the same rules as loading; `remove-request` removes one.
 */
export type NetworkEdit =
  | { op: "add-person"; person: Person; at?: number }
  | { op: "update-person"; id: PersonId; patch: Patch<Omit<Person, "id">> }
  | { op: "remove-person"; id: PersonId }
  | { op: "add-organisation"; organisation: Organisation; at?: number }
  | { op: "update-organisation"; id: OrganisationId; patch: Patch<Omit<Organisation, "id">> }
  | { op: "remove-organisation"; id: OrganisationId }
  | { op: "add-affiliation"; affiliation: Affiliation; at?: number }
  | { op: "update-affiliation"; person: PersonId; index: number; affiliation: Affiliation }
  | { op: "remove-affiliation"; person: PersonId; index: number }
  | { op: "add-exchange"; exchange: Exchange; at?: number }
  | { op: "update-exchange"; id: string; patch: Patch<Exchange> }
  | { op: "remove-exchange"; id: string }
  | { op: "merge-people"; keep: PersonId; drop: PersonId }
  | { op: "set-ego"; id: PersonId | undefined }
  | { op: "put-request"; request: IntroductionRequest; at?: number }
  | { op: "remove-request"; id: string };

/**
 * The kinds of edit, as written in `op`.
 *
 * @example NETWORK_EDIT_OPS.includes("merge-people") // true
 */
export const NETWORK_EDIT_OPS: readonly NetworkEdit["op"][] = [
  "add-person",
  "update-person",
  "remove-person",
  "add-organisation",
  "update-organisation",
  "remove-organisation",
  "add-affiliation",
  "update-affiliation",
  "remove-affiliation",
  "add-exchange",
  "update-exchange",
  "remove-exchange",
  "merge-people",
  "set-ego",
  "put-request",
  "remove-request",
];

/**
 * Applies edits in order to a network's state; if one fails, those already
 * applied are undone and the error is thrown, so nothing changes. Returns the
 * edits that undo the whole list. {@link Network.edit} is the public entry.
 *
 * @example const undo = applyEdits(state, network, [{ op: "set-ego", id: "ann" }]); // [{ op: "set-ego", id: "me" }]
 */
export function applyEdits(state: ModelState, lookup: NetworkLookup, edits: readonly NetworkEdit[]): NetworkEdit[] {
  const editor = new Editor(state, lookup);
  const undo: NetworkEdit[][] = [];
  try {
    edits.forEach((e, k) => undo.push(editor.apply(e, k)));
  } catch (err) {
    for (let j = undo.length - 1; j >= 0; j--) for (const u of undo[j]!) editor.apply(u, -1);
    throw err;
  }
  return undo.reverse().flat();
}

/** Changes the state one edit at a time; each edit is checked before anything changes. */
class Editor {
  constructor(
    private readonly s: ModelState,
    private readonly lookup: NetworkLookup,
  ) {}

  /** Applies one edit (the `k`-th of the list, for error pointers); returns its undo. */
  apply(e: NetworkEdit, k: number): NetworkEdit[] {
    if (e === null || typeof e !== "object") fail(k, "invalid-format", "an edit must be an object", "", `{ op: ${NETWORK_EDIT_OPS.join(" | ")}, ... }`, e);
    switch (e.op) {
      case "add-person":
        return this.addPerson(e.person, e.at, k);
      case "update-person":
        return this.updatePerson(e.id, e.patch, k);
      case "remove-person":
        return this.removePerson(e.id, k);
      case "add-organisation":
        return this.addOrganisation(e.organisation, e.at, k);
      case "update-organisation":
        return this.updateOrganisation(e.id, e.patch, k);
      case "remove-organisation":
        return this.removeOrganisation(e.id, k);
      case "add-affiliation":
        return this.addAffiliation(e.affiliation, e.at, k);
      case "update-affiliation":
        return this.updateAffiliation(e.person, e.index, e.affiliation, k);
      case "remove-affiliation":
        return this.removeAffiliation(e.person, e.index, k);
      case "add-exchange":
        return this.addExchange(e.exchange, e.at, k);
      case "update-exchange":
        return this.updateExchange(e.id, e.patch, k);
      case "remove-exchange":
        return this.removeExchange(e.id, k);
      case "merge-people":
        return this.mergePeople(e.keep, e.drop, k);
      case "set-ego":
        return this.setEgo(e.id, k);
      case "put-request":
        return this.putRequest(e.request, e.at, k);
      case "remove-request":
        return this.removeRequest(e.id, k);
      default:
        return fail(k, "invalid-field", `unknown edit ${showValue((e as { op: unknown }).op)}`, "/op", `one of ${NETWORK_EDIT_OPS.join(", ")}`);
    }
  }

  // ---------------------------------------------------------------- lookups

  private person(id: unknown, k: number, at: string): number {
    const i = typeof id === "string" ? this.s.personIndex.get(id) : undefined;
    if (i === undefined) fail(k, "unknown-person", `unknown person ${showValue(id)}`, at, "the id of a person in the network");
    return i;
  }
  private organisation(id: unknown, k: number, at: string): number {
    const i = typeof id === "string" ? this.s.orgIndex.get(id) : undefined;
    if (i === undefined) fail(k, "unknown-organisation", `unknown organisation ${showValue(id)}`, at, "the id of an organisation in the network");
    return i;
  }
  private exchange(id: unknown, k: number, at: string): number {
    const i = typeof id === "string" ? this.s.ex.find(id) : -1;
    if (i < 0) fail(k, "unknown-exchange", `unknown exchange ${showValue(id)}`, at, "the id of an exchange in the network (#n for the n-th one without an id)");
    return i;
  }
  private position(at: number | undefined, max: number, k: number, field = "/at"): number {
    if (at === undefined) return max;
    if (!Number.isInteger(at) || at < 0 || at > max) fail(k, "invalid-value", `position ${showValue(at)} is out of range`, field, `an integer from 0 to ${max}`);
    return at;
  }
  /** Checks a one-record batch; problems are re-pointed into the edit (`/k/exchange/date`). */
  private stage(batch: NetworkData, field: string, k: number, lookup: NetworkLookup = this.lookup): StagedBatch {
    const { problems, staged } = stageBatch(lookup, batch);
    if (problems.length) throw problemsError(problems.map((p) => inEdit(p, field, k)));
    return staged;
  }

  private exchangeRecord(i: number): Exchange {
    const e: Exchange = this.s.ex.record(i, (p) => this.s.people[p]!.id);
    if (!this.s.ex.hasExplicitId(i)) delete e.id;
    return e;
  }
  private affiliationRecord(person: number, span: AffiliationSpan): Affiliation {
    const a: Affiliation = { person: this.s.people[person]!.id, organisation: this.s.orgs[span.organisation]!.id };
    if (span.from !== OPEN_START) a.from = formatDay(span.from);
    if (span.to !== OPEN_END) a.to = formatDay(span.to);
    if (span.role !== undefined) a.role = span.role;
    return a;
  }

  // ----------------------------------------------------------------- people

  private addPerson(person: Person, at: number | undefined, k: number): NetworkEdit[] {
    const p = this.stage({ people: [person] }, "person", k).people[0]!;
    const i = this.position(at, this.s.people.length, k);
    const { people, personIndex, affs } = this.s;
    if (i === people.length) {
      personIndex.set(p.id, i);
      people.push(p);
      affs.push([]);
    } else {
      people.splice(i, 0, p);
      affs.splice(i, 0, []);
      for (let j = i; j < people.length; j++) personIndex.set(people[j]!.id, j);
      this.s.ex.remapPeople((q) => (q >= i ? q + 1 : q));
      if (this.s.ego >= i) this.s.ego++;
    }
    return [{ op: "remove-person", id: p.id }];
  }

  private updatePerson(id: PersonId, patch: Patch<Omit<Person, "id">>, k: number): NetworkEdit[] {
    const i = this.person(id, k, "/id");
    checkPatch(patch, id, k);
    const old = this.s.people[i]!;
    const next = cleanPerson({ ...old, ...patch, id } as Person);
    checkPerson(next, `/${k}/patch`);
    this.s.people[i] = next;
    return [{ op: "update-person", id, patch: undoPatch(old, next, ["id"]) as Patch<Omit<Person, "id">> }];
  }

  private removePerson(id: PersonId, k: number): NetworkEdit[] {
    const i = this.person(id, k, "/id");
    const { s } = this;
    const requests = s.requests.namingPerson(id);
    if (requests.length) fail(k, "invalid-value", `person ${showValue(id)} is named in introduction request ${showValue(requests[0])}`, "/id", "a person no introduction request names (remove those requests first)");
    const person = s.people[i]!;
    const positions = s.ex.naming(i);
    const exchanges = positions.map((x) => this.exchangeRecord(x));
    const affiliations = s.affs[i]!.map((span) => this.affiliationRecord(i, span));
    const wasEgo = s.ego === i;
    for (let j = positions.length - 1; j >= 0; j--) s.ex.remove(positions[j]!);
    s.affCount -= s.affs[i]!.length;
    s.people.splice(i, 1);
    s.affs.splice(i, 1);
    s.personIndex.delete(id);
    for (let j = i; j < s.people.length; j++) s.personIndex.set(s.people[j]!.id, j);
    s.ex.remapPeople((q) => (q > i ? q - 1 : q));
    if (wasEgo) s.ego = -1;
    else if (s.ego > i) s.ego--;
    const undo: NetworkEdit[] = [{ op: "add-person", person, at: i }];
    if (wasEgo) undo.push({ op: "set-ego", id });
    affiliations.forEach((affiliation, j) => undo.push({ op: "add-affiliation", affiliation, at: j }));
    exchanges.forEach((exchange, j) => undo.push({ op: "add-exchange", exchange, at: positions[j]! }));
    return undo;
  }

  private setEgo(id: PersonId | undefined, k: number): NetworkEdit[] {
    const before = this.s.ego < 0 ? undefined : this.s.people[this.s.ego]!.id;
    this.s.ego = id === undefined ? -1 : this.person(id, k, "/id");
    return [{ op: "set-ego", id: before }];
  }

  private mergePeople(keep: PersonId, drop: PersonId, k: number): NetworkEdit[] {
    const ki = this.person(keep, k, "/keep");
    const di = this.person(drop, k, "/drop");
    if (ki === di) fail(k, "invalid-value", `cannot merge person ${showValue(keep)} with themself`, "/drop", "two different people");
    // The merge is a sequence of simple edits, so its undo is theirs, in reverse.
    const undo: NetworkEdit[][] = [];
    const run = (e: NetworkEdit): void => void undo.push(this.apply(e, k));
    const { ex } = this.s;
    const cols = () => ex.columns();
    const pair = (x: number): [number, number, number] => [cols().from[x]!, cols().to[x]!, ex.extrasOf(x)?.introduced ?? -1];
    const collides = (x: number): boolean => {
      const sides = pair(x).map((p) => (p === di ? ki : p)).filter((p) => p >= 0);
      return new Set(sides).size < sides.length;
    };
    const naming = ex.naming(di);
    for (let j = naming.length - 1; j >= 0; j--) if (collides(naming[j]!)) run({ op: "remove-exchange", id: ex.id(naming[j]!) });
    for (const x of ex.naming(di)) {
      const [from, to, introduced] = pair(x);
      const patch: Patch<Exchange> = {};
      if (from === di) patch.from = keep;
      if (to === di) patch.to = keep;
      if (introduced === di) patch.introduced = keep;
      run({ op: "update-exchange", id: ex.id(x), patch });
    }
    while (this.s.affs[di]!.length) {
      const a = this.affiliationRecord(di, this.s.affs[di]![0]!);
      run({ op: "remove-affiliation", person: drop, index: 0 });
      run({ op: "add-affiliation", affiliation: { ...a, person: keep } });
    }
    const combined = combinePeople(this.s.people[ki]!, this.s.people[di]!);
    const { id: _id, ...patch } = combined;
    run({ op: "update-person", id: keep, patch });
    if (this.s.ego === di) run({ op: "set-ego", id: keep });
    for (const rid of this.s.requests.namingPerson(drop)) {
      const r = copyRequest(this.s.requests.find(rid)!);
      const swap = (p: PersonId): PersonId => (p === drop ? keep : p);
      r.from = swap(r.from);
      r.via = swap(r.via);
      if (r.to !== undefined) r.to = swap(r.to);
      for (const step of r.steps) if (step.person !== undefined) step.person = swap(step.person);
      run({ op: "put-request", request: r });
    }
    run({ op: "remove-person", id: drop });
    return undo.reverse().flat();
  }

  // --------------------------------------------------------------- requests

  private putRequest(request: IntroductionRequest, at: number | undefined, k: number): NetworkEdit[] {
    const { requests, personIndex, orgIndex } = this.s;
    const problems = checkRequests([request], { hasPerson: (id) => personIndex.has(id), hasOrganisation: (id) => orgIndex.has(id), isTaken: () => false }, "/request");
    if (problems.length) throw problemsError(problems.map((p) => ({ ...p, record: p.record, pointer: `/${k}${p.pointer.replace(/^\/request\/0/, "/request")}` })));
    const copy = copyRequest(request);
    const i = requests.indexOf(copy.id);
    if (i >= 0) {
      const old = requests.find(copy.id)!;
      requests.put(copy);
      return [{ op: "put-request", request: old }];
    }
    requests.insert(this.position(at, requests.size, k), copy);
    return [{ op: "remove-request", id: copy.id }];
  }

  private removeRequest(id: string, k: number): NetworkEdit[] {
    const removed = typeof id === "string" ? this.s.requests.remove(id) : undefined;
    if (!removed) fail(k, "unknown-request", `unknown introduction request ${showValue(id)}`, "/id", "the id of a request in the network");
    return [{ op: "put-request", request: removed.request, at: removed.at }];
  }

  // ---------------------------------------------------------- organisations

  private addOrganisation(organisation: Organisation, at: number | undefined, k: number): NetworkEdit[] {
    const o = this.stage({ organisations: [organisation] }, "organisation", k).organisations[0]!;
    const { orgs, orgIndex, affs } = this.s;
    const i = this.position(at, orgs.length, k);
    orgs.splice(i, 0, o);
    for (let j = i; j < orgs.length; j++) orgIndex.set(orgs[j]!.id, j);
    if (i < orgs.length - 1) for (const list of affs) for (const span of list) if (span.organisation >= i) span.organisation++;
    return [{ op: "remove-organisation", id: o.id }];
  }

  private updateOrganisation(id: OrganisationId, patch: Patch<Omit<Organisation, "id">>, k: number): NetworkEdit[] {
    const i = this.organisation(id, k, "/id");
    checkPatch(patch, id, k);
    const old = this.s.orgs[i]!;
    const next = { ...old, ...patch, id } as Organisation;
    for (const key of Object.keys(next) as (keyof Organisation)[]) if (next[key] === undefined) delete next[key];
    checkOrganisation(next, `/${k}/patch`);
    this.s.orgs[i] = cleanOrganisation(next);
    return [{ op: "update-organisation", id, patch: undoPatch(old, next, ["id"]) as Patch<Omit<Organisation, "id">> }];
  }

  private removeOrganisation(id: OrganisationId, k: number): NetworkEdit[] {
    const i = this.organisation(id, k, "/id");
    const { orgs, orgIndex, affs } = this.s;
    const requests = this.s.requests.namingOrganisation(id);
    if (requests.length) fail(k, "invalid-value", `organisation ${showValue(id)} is the target of introduction request ${showValue(requests[0])}`, "/id", "an organisation no introduction request targets (remove those requests first)");
    if (affs.some((list) => list.some((span) => span.organisation === i))) fail(k, "invalid-value", `organisation ${showValue(id)} still has affiliations`, "/id", "an organisation no affiliation names (remove or move those first)");
    const old = orgs[i]!;
    orgs.splice(i, 1);
    orgIndex.delete(id);
    for (let j = i; j < orgs.length; j++) orgIndex.set(orgs[j]!.id, j);
    for (const list of affs) for (const span of list) if (span.organisation > i) span.organisation--;
    return [{ op: "add-organisation", organisation: old, at: i }];
  }

  // ----------------------------------------------------------- affiliations

  private insertSpan(person: number, span: AffiliationSpan, at: number | undefined): number {
    let list = this.s.affs[person]!;
    // the shared empty list (a person read without affiliations) is never changed: the person gets a list of their own
    if (list === NO_SPANS) this.s.affs[person] = list = [];
    let i = at ?? list.length;
    if (at === undefined) while (i > 0 && list[i - 1]!.from > span.from) i--;
    list.splice(i, 0, span);
    this.s.affCount++;
    return i;
  }

  private addAffiliation(affiliation: Affiliation, at: number | undefined, k: number): NetworkEdit[] {
    const { person, span } = this.stage({ affiliations: [affiliation] }, "affiliation", k).affiliations[0]!;
    if (at !== undefined) this.position(at, this.s.affs[person]!.length, k);
    const i = this.insertSpan(person, span, at);
    return [{ op: "remove-affiliation", person: affiliation.person, index: i }];
  }

  private spanIndex(person: PersonId, index: number, k: number): number {
    const p = this.person(person, k, "/person");
    const n = this.s.affs[p]!.length;
    if (!Number.isInteger(index) || index < 0 || index >= n) fail(k, "invalid-value", `person ${showValue(person)} has no affiliation at index ${showValue(index)}`, "/index", n ? `an integer from 0 to ${n - 1}` : "a person with affiliations");
    return p;
  }

  private updateAffiliation(person: PersonId, index: number, affiliation: Affiliation, k: number): NetworkEdit[] {
    const p = this.spanIndex(person, index, k);
    if (affiliation === null || typeof affiliation !== "object" || affiliation.person !== person) fail(k, "invalid-field", "an updated affiliation stays with its person", "/affiliation/person", showValue(person), affiliation?.person);
    const { span } = this.stage({ affiliations: [affiliation] }, "affiliation", k).affiliations[0]!;
    const old = this.affiliationRecord(p, this.s.affs[p]![index]!);
    this.s.affs[p]!.splice(index, 1);
    this.s.affCount--;
    const i = this.insertSpan(p, span, undefined);
    return [
      { op: "remove-affiliation", person, index: i },
      { op: "add-affiliation", affiliation: old, at: index },
    ];
  }

  private removeAffiliation(person: PersonId, index: number, k: number): NetworkEdit[] {
    const p = this.spanIndex(person, index, k);
    const old = this.affiliationRecord(p, this.s.affs[p]![index]!);
    this.s.affs[p]!.splice(index, 1);
    this.s.affCount--;
    return [{ op: "add-affiliation", affiliation: old, at: index }];
  }

  // -------------------------------------------------------------- exchanges

  private addExchange(exchange: Exchange, at: number | undefined, k: number): NetworkEdit[] {
    const s = this.stage({ exchanges: [exchange] }, "exchange", k).exchanges.at(0);
    const i = this.position(at, this.s.ex.count, k);
    if (i === this.s.ex.count) this.s.ex.append([s]);
    else this.s.ex.insert(i, s);
    return [{ op: "remove-exchange", id: this.s.ex.id(i) }];
  }

  private updateExchange(id: string, patch: Patch<Exchange>, k: number): NetworkEdit[] {
    const i = this.exchange(id, k, "/id");
    if (patch === null || typeof patch !== "object") fail(k, "invalid-format", "a patch must be an object", "/patch", "an object of the fields to change", patch);
    const old = this.exchangeRecord(i);
    const next = { ...old, ...patch } as Exchange;
    for (const key of Object.keys(next) as (keyof Exchange)[]) if (next[key] === undefined) delete next[key];
    // The exchange's own id is not a duplicate of itself.
    const lookup: NetworkLookup = {
      personCount: this.lookup.personCount,
      organisationCount: this.lookup.organisationCount,
      formats: this.lookup.formats,
      findPerson: (x) => this.lookup.findPerson(x),
      findOrganisation: (x) => this.lookup.findOrganisation(x),
      findExchange: (x) => {
        const j = this.s.ex.find(x);
        return j === i ? -1 : j;
      },
    };
    const s: StagedExchange = this.stage({ exchanges: [next] }, "patch", k, lookup).exchanges.at(0);
    this.s.ex.replace(i, s);
    return [{ op: "update-exchange", id: this.s.ex.id(i), patch: undoPatch(old, next, []) as Patch<Exchange> }];
  }

  private removeExchange(id: string, k: number): NetworkEdit[] {
    const i = this.exchange(id, k, "/id");
    const old = this.exchangeRecord(i);
    this.s.ex.remove(i);
    return [{ op: "add-exchange", exchange: old, at: i }];
  }
}

/** Throws a typed error about edit `k` (pointer `/k/...` into the list of edits). */
function fail(k: number, code: TiegraphErrorCode, problem: string, at: string, expected: string, ...got: unknown[]): never {
  const details: ConstructorParameters<typeof TiegraphError>[3] = { record: `edit #${k}`, pointer: `/${k}${at}`, expected };
  if (got.length) details.got = showValue(got[0]);
  throw new TiegraphError(SCOPE, code, problem, details);
}

/** A patch must be an object and may not change the id. */
function checkPatch(patch: unknown, id: string, k: number): void {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) fail(k, "invalid-format", "a patch must be an object", "/patch", "an object of the fields to change", patch);
  const p = patch as { id?: unknown };
  if (p.id !== undefined && p.id !== id) fail(k, "invalid-field", "an id cannot change", "/patch/id", `${showValue(id)} or no id in the patch`, p.id);
}

/** A batch problem re-pointed into edit `k`: `/exchanges/0/date` → `/k/exchange/date`. */
function inEdit(p: Problem, field: string, k: number): Problem {
  const out: Problem = { ...p, record: p.record.replace(/ #0$/, ` in edit #${k}`) };
  if (p.pointer !== undefined) out.pointer = `/${k}/${field}${p.pointer.replace(/^\/[a-z]+\/0/, "")}`;
  return out;
}

/** The patch that turns `next` back into `old`: old values, and `undefined` for fields `next` added. */
function undoPatch(old: object, next: object, except: readonly string[]): Record<string, unknown> {
  const o = old as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o)) if (!except.includes(key)) out[key] = o[key];
  for (const key of Object.keys(next)) if (!except.includes(key) && !(key in o)) out[key] = undefined;
  return out;
}

/** `keep` with what `drop` adds: lists joined, missing fields filled, notes joined; nothing of `keep` overwritten. */
function combinePeople(keep: Person, drop: Person): Person {
  const out: Person = { ...keep };
  const join = (a: string[] | undefined, b: string[] | undefined): string[] | undefined => {
    if (!b?.length) return a;
    const seen = new Set(a ?? []);
    return [...(a ?? []), ...b.filter((x) => !seen.has(x) && (seen.add(x), true))];
  };
  const emails = join(keep.emails, drop.emails);
  if (emails) out.emails = emails;
  const tags = join(keep.tags, drop.tags);
  if (tags) out.tags = tags;
  const interests = join(keep.interests, drop.interests);
  if (interests) out.interests = interests;
  if (out.url === undefined && drop.url !== undefined) out.url = drop.url;
  if (out.cadenceDays === undefined && drop.cadenceDays !== undefined) out.cadenceDays = drop.cadenceDays;
  if (drop.notes !== undefined && drop.notes !== keep.notes) out.notes = keep.notes ? `${keep.notes}\n${drop.notes}` : drop.notes;
  if (drop.attributes) out.attributes = { ...drop.attributes, ...keep.attributes };
  return out;
}
