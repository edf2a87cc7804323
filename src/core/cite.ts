// How a figure carries its source: a reference's fields, a cited message, an explanation step,
// and finding a route, shared by pricing the program and the patient's share.
import type { Cited, Step } from './estimate-types.js';
import type { Message } from './message.js';
import type { Dataset, Ref, Route } from './types.js';

const thirdPartyCache = new WeakMap<Dataset, Set<string>>();

/** The ids of a dataset's third-party sources, worked out once per dataset (a batch prices thousands of rows). */
export function thirdPartySources(dataset: Dataset): Set<string> {
  let ids = thirdPartyCache.get(dataset);
  if (!ids) {
    ids = new Set(dataset.sources.filter((s) => s.thirdParty === true).map((s) => s.id));
    thirdPartyCache.set(dataset, ids);
  }
  return ids;
}

/** A reference's fields as an output carries them (null where the price list has none). */
export function refFields(ref: Ref): { source: string; at: string; quote: string | null; asOf: string | null } {
  return { source: ref.source, at: ref.at, quote: ref.quote ?? null, asOf: ref.asOf ?? null };
}

/** A message with its reference's source, place, quote and date: how every note is carried. */
export function cite(text: Message, ref: Ref): Cited<Message> {
  return { text, ...refFields(ref) };
}

/** An explanation step: a message with where its figure comes from. */
export function step(text: Message, ref: Ref): Step<Message> {
  return { text, source: ref.source, at: ref.at, quote: ref.quote ?? null };
}

/**
 * A scenario that does not fit the dataset it is priced against: a caller's bug, since scenarios
 * are validated against the same dataset (main reports it as unexpected). `what` is the missing
 * part (route, offer, dose), `id` whose.
 */
export class DatasetMismatch extends Error {
  constructor(
    readonly what: 'route' | 'offer' | 'dose',
    readonly id: string,
  ) {
    super(`${what}: ${id}`);
    this.name = 'DatasetMismatch';
  }
}

/** Returns the route with this id; throws when the dataset does not have it (a caller's bug, since scenarios are validated). */
export function findRoute(dataset: Dataset, id: string): Route {
  const route = dataset.routes.find((r) => r.id === id);
  if (!route) throw new DatasetMismatch('route', id);
  return route;
}
