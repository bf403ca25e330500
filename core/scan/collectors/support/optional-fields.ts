/**
 * Keeps only the fields that have a value, so an optional inventory field is absent rather than `undefined`
 * (exactOptionalPropertyTypes, and a JSON snapshot without null noise). Spread it into the record:
 * `{ id, ...optionalFields({ vpcId: raw.VpcId }) }`.
 */
export function optionalFields<T extends object>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: { [K in keyof T]?: Exclude<T[K], undefined> } = {};
  for (const key of Object.keys(fields) as (keyof T)[]) {
    const value = fields[key];
    if (value !== undefined) out[key] = value as Exclude<T[typeof key], undefined>;
  }
  return out;
}
