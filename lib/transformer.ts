import superjson from 'superjson';
import type { SuperJSONResult } from 'superjson';

// tRPC's data transformer: superjson on the wire, with a faster path for what procedures
// mostly answer (plain objects and arrays of strings, numbers, booleans, null and Dates,
// e.g. a page of cases). That path builds exactly superjson's output (the same `json` and
// the same `meta.values` paths, in the same order), so the client's superjson reads it
// unchanged; anything else (undefined, bigint, NaN, Infinity, -0, Map, Set, class
// instances, an object reached twice, an invalid Date, a key superjson refuses) goes to
// superjson itself.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Not this path's to answer: superjson serializes the value. */
const GIVE_UP = Symbol('superjson');

// Most keys (field names, array indexes) hold neither a dot nor a backslash: they pass as they are.
const escapeKey = (key: string) =>
  key.includes('.') || key.includes('\\') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key;

const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || (proto === null && v !== Object.prototype);
};

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Annotations = ['Date'] | { [path: string]: ['Date'] };
/** `ann`: the annotations of the value just walked, nested as superjson nests them (its key order depends on it). */
type Walk = { seen: Set<object>; ann: Annotations | undefined };

const DATE: ['Date'] = ['Date'];

/** Adds a child's annotations under its key, as superjson's walker does. */
const annotate = (
  inner: { [path: string]: ['Date'] } | undefined,
  key: string,
  ann: Annotations,
): { [path: string]: ['Date'] } => {
  const out = inner ?? {};
  if (Array.isArray(ann)) out[escapeKey(key)] = ann;
  else for (const [path, tree] of Object.entries(ann)) out[`${escapeKey(key)}.${path}`] = tree;
  return out;
};

const plain = (value: unknown, walk: Walk, root = false): Json | typeof GIVE_UP => {
  walk.ann = undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : GIVE_UP;
  if (typeof value !== 'object') return GIVE_UP;
  // superjson records every object reached twice (referential equality): leave those to it.
  if (walk.seen.has(value)) return GIVE_UP;
  walk.seen.add(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()) || root) return GIVE_UP;
    walk.ann = DATE;
    return value.toISOString();
  }
  let inner: { [path: string]: ['Date'] } | undefined;
  if (Array.isArray(value)) {
    const out: Json[] = new Array<Json>(value.length);
    for (let i = 0; i < value.length; i += 1) {
      if (!(i in value)) return GIVE_UP;
      const v = plain(value[i], walk);
      if (v === GIVE_UP) return GIVE_UP;
      if (walk.ann) inner = annotate(inner, String(i), walk.ann);
      out[i] = v;
    }
    walk.ann = inner;
    return out;
  }
  if (!isPlainObject(value)) return GIVE_UP;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return GIVE_UP;
    const v = plain(value[key], walk);
    if (v === GIVE_UP) return GIVE_UP;
    if (walk.ann) inner = annotate(inner, key, walk.ann);
    out[key] = v;
  }
  walk.ann = inner;
  return out;
};

/** superjson.serialize's result, built directly for plain data. */
export const serialize = (value: unknown): SuperJSONResult => {
  const walk: Walk = { seen: new Set(), ann: undefined };
  const json = plain(value, walk, true);
  if (json === GIVE_UP) return superjson.serialize(value);
  return walk.ann ? { json, meta: { values: walk.ann, v: 1 } } : { json };
};

/** superjson in both directions; answers take the faster path above when they can. */
export const transformer = {
  input: superjson,
  output: { serialize, deserialize: (payload: SuperJSONResult): unknown => superjson.deserialize(payload) },
};
