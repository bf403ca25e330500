import { serviceCostIncrease } from './ce/service-cost-increase.ts';
import { logGroupRetentionUnset } from './logs/log-group-retention-unset.ts';
import { backupsDisabledOrShort } from './rds/backups-disabled-or-short.ts';
import { deletionProtectionDisabled } from './rds/deletion-protection-disabled.ts';
import { idleInstance } from './rds/idle-instance.ts';
import { publiclyAccessible } from './rds/publicly-accessible.ts';
import { storageUnencrypted } from './rds/storage-unencrypted.ts';
import type { Rule } from './rule.ts';
import { accountPublicAccessBlockMissing } from './s3/account-public-access-block-missing.ts';
import { bucketAccessLoggingDisabled } from './s3/bucket-access-logging-disabled.ts';
import { bucketAclsEnabled } from './s3/bucket-acls-enabled.ts';
import { bucketDefaultEncryptionMissing } from './s3/bucket-default-encryption-missing.ts';
import { bucketLifecycleMissing } from './s3/bucket-lifecycle-missing.ts';
import { bucketMultipartAbortMissing } from './s3/bucket-multipart-abort-missing.ts';
import { bucketPublicAccessBlockMissing } from './s3/bucket-public-access-block-missing.ts';
import { bucketPublicAcl } from './s3/bucket-public-acl.ts';
import { bucketPublicPolicy } from './s3/bucket-public-policy.ts';
import { bucketTlsNotEnforced } from './s3/bucket-tls-not-enforced.ts';
import { bucketVersioningDisabled } from './s3/bucket-versioning-disabled.ts';

/** The data-service rules: S3, RDS, CloudWatch Logs and Cost Explorer, worst problems first per service. */
export const DATA_RULES: readonly Rule[] = [
  bucketPublicAcl,
  bucketPublicPolicy,
  accountPublicAccessBlockMissing,
  bucketPublicAccessBlockMissing,
  bucketAclsEnabled,
  bucketTlsNotEnforced,
  bucketVersioningDisabled,
  bucketLifecycleMissing,
  bucketMultipartAbortMissing,
  bucketAccessLoggingDisabled,
  bucketDefaultEncryptionMissing,
  publiclyAccessible,
  storageUnencrypted,
  backupsDisabledOrShort,
  deletionProtectionDisabled,
  idleInstance,
  logGroupRetentionUnset,
  serviceCostIncrease,
];
