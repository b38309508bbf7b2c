/**
 * Where a network keeps its introduction requests: a small ordered store,
 * separate from the exchange columns. The model validates requests
 * (`stageBatch`, the `put-request` edit) before anything reaches the store.
 */
import type { IntroductionRequest } from "./request-types.js";

/**
 * A deep copy of a request (steps copied, undefined fields left out).
 *
 * @example copyRequest(network.findRequest("r1")!).steps.push(...) // the stored request is untouched
 */
export function copyRequest(r: IntroductionRequest): IntroductionRequest {
  const out: IntroductionRequest = { id: r.id, from: r.from, via: r.via, steps: [] };
  if (r.to !== undefined) out.to = r.to;
  if (r.organisation !== undefined) out.organisation = r.organisation;
  if (r.why !== undefined) out.why = r.why;
  if (r.offer !== undefined) out.offer = r.offer;
  out.steps = r.steps.map((s) => (s.person !== undefined ? { step: s.step, date: s.date, person: s.person } : { step: s.step, date: s.date }));
  return out;
}

/** The requests of one network, in the order they were added. */
export class RequestStore {
  private readonly _list: IntroductionRequest[] = [];
  private readonly _index = new Map<string, number>();

  /** Number of requests. */
  get size(): number {
    return this._list.length;
  }
  /** All requests, in order (do not modify). */
  all(): readonly IntroductionRequest[] {
    return this._list;
  }
  /** The request with this id, or undefined. */
  find(id: string): IntroductionRequest | undefined {
    const i = this._index.get(id);
    return i === undefined ? undefined : this._list[i];
  }

  /** Adds requests checked by the model's validation (`stageBatch`); cannot fail. */
  commit(staged: readonly IntroductionRequest[]): void {
    for (const r of staged) {
      this._index.set(r.id, this._list.length);
      this._list.push(r);
    }
  }

  /** Replaces the request with the same id, or adds it (cannot fail; the `put-request` edit validates first). */
  put(request: IntroductionRequest): void {
    const i = this._index.get(request.id);
    if (i === undefined) this.commit([request]);
    else this._list[i] = request;
  }

  /** Position of the request with this id, or -1. */
  indexOf(id: string): number {
    return this._index.get(id) ?? -1;
  }
  /** Inserts a request at a position (cannot fail; the id must be new). */
  insert(at: number, request: IntroductionRequest): void {
    this._list.splice(at, 0, request);
    this.reindex(at);
  }
  /** Removes the request with this id; returns it and where it was (undefined when there is none). */
  remove(id: string): { request: IntroductionRequest; at: number } | undefined {
    const at = this._index.get(id);
    if (at === undefined) return undefined;
    const [request] = this._list.splice(at, 1);
    this._index.delete(id);
    this.reindex(at);
    return { request: request!, at };
  }
  /** Ids of the requests that name a person (as asker, connector, target or the person introduced). */
  namingPerson(id: string): string[] {
    return this._list.filter((r) => r.from === id || r.via === id || r.to === id || r.steps.some((s) => s.person === id)).map((r) => r.id);
  }
  /** Ids of the requests that target an organisation. */
  namingOrganisation(id: string): string[] {
    return this._list.filter((r) => r.organisation === id).map((r) => r.id);
  }
  private reindex(from: number): void {
    for (let i = from; i < this._list.length; i++) this._index.set(this._list[i]!.id, i);
  }

  /** Copies of every request, for a file. */
  toData(): IntroductionRequest[] {
    return this._list.map(copyRequest);
  }
}
