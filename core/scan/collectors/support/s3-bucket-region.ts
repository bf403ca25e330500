/**
 * A bucket's region from GetBucketLocation's LocationConstraint. S3 answers with no constraint (null or '')
 * for us-east-1 and with the legacy 'EU' for buckets created in eu-west-1 before regions had names.
 */
export function regionFromLocationConstraint(constraint: string | null | undefined): string {
  if (constraint === undefined || constraint === null || constraint === '') return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}
