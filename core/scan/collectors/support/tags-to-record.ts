/** A tag as EC2 (`Tags`) and RDS (`TagList`) return it. */
export interface AwsTag {
  /** The tag key; AWS always sends it, the SDK types it optional. */
  Key?: string | undefined;
  /** The tag value; an empty value is kept as ''. */
  Value?: string | undefined;
}

/** Turns AWS's `[{ Key, Value }]` list into the inventory's plain record (absent list: no tags). */
export function tagsToRecord(tags: readonly AwsTag[] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) record[tag.Key] = tag.Value ?? '';
  return record;
}
