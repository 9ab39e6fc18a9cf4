import { z } from 'zod';
import type { SenderKind } from './sender-policy';

declare const replyBrand: unique symbol;

/** Stands for the type a request is answered with; it carries nothing at run time. */
export interface ReplyType<T> {
  readonly [replyBrand]?: T;
}

export function replyType<T>(): ReplyType<T> {
  return {};
}

/** One request as a domain writes it down. */
export interface RequestSpec {
  /** Who may send it: a content script in a console tab, one of our own pages (popup, options), or both. */
  from: readonly SenderKind[];
  /** The fields besides `type`, checked with zod at the worker boundary. */
  fields?: z.ZodRawShape;
  reply: ReplyType<unknown>;
}

type FieldsOf<S extends RequestSpec> = S extends { fields: infer F extends z.ZodRawShape } ? F : {};

/** A request as the worker checks it: its whole zod schema (with the `type` literal), senders and reply type. */
export interface DeclaredRequest<T extends string = string, Fields extends z.ZodRawShape = z.ZodRawShape, R = unknown> {
  schema: z.ZodObject<{ type: z.ZodLiteral<T> } & Fields>;
  from: readonly SenderKind[];
  reply: ReplyType<R>;
}

export type ReplyOf<D> = D extends { reply: ReplyType<infer R> } ? R : never;

export type DeclaredRequests<M extends Record<string, RequestSpec>> = {
  [T in keyof M & string]: DeclaredRequest<T, FieldsOf<M[T]>, ReplyOf<M[T]>>;
};

/** A domain's requests, keyed by their `type`: the key becomes the `type` literal of the schema. */
export function declareRequests<const M extends Record<string, RequestSpec>>(specs: M): DeclaredRequests<M> {
  return Object.fromEntries(
    Object.entries(specs).map(([type, spec]) => [
      type,
      { schema: z.object({ type: z.literal(type), ...spec.fields }), from: spec.from, reply: spec.reply },
    ]),
  ) as DeclaredRequests<M>;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Puts the maps of several domains (requests or handlers) into one; a request two domains claim is a mistake. */
export function joinDomains<const L extends readonly Record<string, unknown>[]>(maps: L): UnionToIntersection<L[number]> {
  const joined: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, value] of Object.entries(map)) {
      if (type in joined) throw new Error(`Request "${type}" is declared by two domains.`);
      joined[type] = value;
    }
  }
  return joined as UnionToIntersection<L[number]>;
}
