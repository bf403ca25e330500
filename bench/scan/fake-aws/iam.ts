/**
 * IAM (AWS Query protocol, XML) for the benchmark's fake AWS: GetAccountAuthorizationDetails with MaxItems counting
 * every entity of every type (as IAM does), the credential report, the password policy and the account summary;
 * and the per-entity calls a common scanner makes (ListRoles, GetRole, ListAttachedRolePolicies, ...).
 * Policy documents travel URL-encoded inside the XML, as IAM sends them.
 */
import type {
  AccountData,
  GroupData,
  ManagedPolicyData,
  PolicyJson,
  RoleData,
  UserData,
} from '../synthetic-account.ts';
import { element, page, pageSize, queryError, queryResponse, type Reply, type WireRequest } from './wire.ts';

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

function encoded(document: PolicyJson): string {
  return encodeURIComponent(JSON.stringify(document));
}

function inlineList(name: string, list: readonly { name: string; document: PolicyJson }[]): string {
  return `<${name}>${list
    .map(
      (policy) =>
        `<member>${element('PolicyName', policy.name)}${element('PolicyDocument', encoded(policy.document))}</member>`,
    )
    .join('')}</${name}>`;
}

function attachedList(
  list: readonly { name: string; arn: string }[],
  name = 'AttachedManagedPolicies',
): string {
  return `<${name}>${list
    .map(
      (policy) => `<member>${element('PolicyName', policy.name)}${element('PolicyArn', policy.arn)}</member>`,
    )
    .join('')}</${name}>`;
}

function roleLastUsed(role: RoleData): string {
  return role.lastUsed
    ? `<RoleLastUsed>${element('LastUsedDate', role.lastUsed)}<Region>us-east-1</Region></RoleLastUsed>`
    : '<RoleLastUsed/>';
}

function roleCore(role: RoleData): string {
  return (
    `${element('Path', role.path)}${element('RoleName', role.name)}${element('RoleId', role.id)}${element('Arn', role.arn)}` +
    `${element('CreateDate', role.createDate)}${element('AssumeRolePolicyDocument', encoded(role.trust))}`
  );
}

function roleDetail(role: RoleData): string {
  return (
    `<member>${roleCore(role)}<InstanceProfileList/>${inlineList('RolePolicyList', role.inline)}` +
    `${attachedList(role.attached)}<Tags/>${roleLastUsed(role)}</member>`
  );
}

function userCore(user: UserData): string {
  return `<Path>/</Path>${element('UserName', user.name)}${element('UserId', user.id)}${element('Arn', user.arn)}${element('CreateDate', user.createDate)}`;
}

function userDetail(user: UserData): string {
  return (
    `<member>${userCore(user)}${inlineList('UserPolicyList', user.inline)}` +
    `<GroupList>${user.groups.map((group) => element('member', group)).join('')}</GroupList>` +
    `${attachedList(user.attached)}<Tags/></member>`
  );
}

function groupCore(group: GroupData): string {
  return `<Path>/</Path>${element('GroupName', group.name)}${element('GroupId', group.id)}${element('Arn', group.arn)}<CreateDate>2024-01-01T00:00:00Z</CreateDate>`;
}

function groupDetail(group: GroupData): string {
  return `<member>${groupCore(group)}${inlineList('GroupPolicyList', group.inline)}${attachedList(group.attached)}</member>`;
}

function policyCore(policy: ManagedPolicyData): string {
  return (
    `${element('PolicyName', policy.name)}${element('PolicyId', policy.id)}${element('Arn', policy.arn)}<Path>/</Path>` +
    `${element('DefaultVersionId', policy.defaultVersionId)}${element('AttachmentCount', policy.attachmentCount)}` +
    '<PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount><IsAttachable>true</IsAttachable>' +
    '<CreateDate>2024-01-01T00:00:00Z</CreateDate><UpdateDate>2024-06-01T00:00:00Z</UpdateDate>'
  );
}

function policyDetail(policy: ManagedPolicyData): string {
  return (
    `<member>${policyCore(policy)}<PolicyVersionList><member>${element('Document', encoded(policy.document))}` +
    `${element('VersionId', policy.defaultVersionId)}<IsDefaultVersion>true</IsDefaultVersion>` +
    '<CreateDate>2024-06-01T00:00:00Z</CreateDate></member></PolicyVersionList></member>'
  );
}

type Entity =
  | { kind: 'user'; value: UserData }
  | { kind: 'group'; value: GroupData }
  | { kind: 'role'; value: RoleData }
  | { kind: 'policy'; value: ManagedPolicyData };

function authorizationDetails(
  account: AccountData,
  params: Record<string, unknown>,
  cache: Map<string, Reply>,
): Reply {
  const size = pageSize(params.MaxItems, 100);
  if (size > 1000) return queryError('ValidationError', 'MaxItems must be between 1 and 1000.');
  const key = `gaad|${String(params.Marker)}|${size}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const entities: Entity[] = [
    ...account.users.map((value) => ({ kind: 'user' as const, value })),
    ...account.groups.map((value) => ({ kind: 'group' as const, value })),
    ...account.roles.map((value) => ({ kind: 'role' as const, value })),
    ...account.policies.map((value) => ({ kind: 'policy' as const, value })),
  ];
  const slice = page(entities, params.Marker, size);
  const lists = { user: '', group: '', role: '', policy: '' };
  for (const entity of slice.items) {
    if (entity.kind === 'user') lists.user += userDetail(entity.value);
    else if (entity.kind === 'group') lists.group += groupDetail(entity.value);
    else if (entity.kind === 'role') lists.role += roleDetail(entity.value);
    else lists.policy += policyDetail(entity.value);
  }
  const reply = queryResponse(
    'GetAccountAuthorizationDetails',
    `${element('IsTruncated', slice.next !== undefined)}${element('Marker', slice.next)}` +
      `<UserDetailList>${lists.user}</UserDetailList><GroupDetailList>${lists.group}</GroupDetailList>` +
      `<RoleDetailList>${lists.role}</RoleDetailList><Policies>${lists.policy}</Policies>`,
    NS,
  );
  cache.set(key, reply);
  return reply;
}

const REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,' +
  'mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,' +
  'access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,' +
  'access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,' +
  'cert_2_last_rotated';

function credentialReport(account: AccountData): string {
  const rows = [
    REPORT_HEADER,
    `<root_account>,arn:aws:iam::${account.shape.accountId}:root,2019-01-01T00:00:00+00:00,not_supported,2025-12-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    ...account.users.map((user) => {
      const key = user.accessKeys[0];
      return [
        user.name,
        user.arn,
        user.createDate,
        user.passwordEnabled,
        user.passwordEnabled ? '2025-12-01T10:00:00+00:00' : 'N/A',
        user.passwordEnabled ? '2025-01-01T00:00:00+00:00' : 'N/A',
        'N/A',
        user.mfa,
        key !== undefined,
        key?.lastRotated ?? 'N/A',
        key?.lastUsed ?? 'N/A',
        key?.lastUsed ? 'us-east-1' : 'N/A',
        key?.lastUsed ? 's3' : 'N/A',
        'false,N/A,N/A,N/A,N/A,false,N/A,false,N/A',
      ].join(',');
    }),
  ];
  return rows.join('\n');
}

function truncated(slice: { next?: string }): string {
  return `${element('IsTruncated', slice.next !== undefined)}${element('Marker', slice.next)}`;
}

function byName<T extends { name: string }>(list: readonly T[], name: unknown, kind: string): T | Reply {
  const found = list.find((item) => item.name === name);
  return found ?? queryError('NoSuchEntity', `The ${kind} with name ${String(name)} cannot be found.`, 404);
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}

/** Answers one IAM request. */
export function answerIam(request: WireRequest, account: AccountData, cache: Map<string, Reply>): Reply {
  const { operation, params } = request;
  const respond = (inner: string) => queryResponse(operation, inner, NS);
  const size = pageSize(params.MaxItems, 100);
  switch (operation) {
    case 'GetAccountAuthorizationDetails':
      return authorizationDetails(account, params, cache);
    case 'GenerateCredentialReport':
      // IAM reuses a report under four hours old: ready at once.
      return respond('<State>COMPLETE</State>');
    case 'GetCredentialReport':
      return respond(
        `${element('Content', Buffer.from(credentialReport(account)).toString('base64'))}<ReportFormat>text/csv</ReportFormat>` +
          '<GeneratedTime>2026-01-14T23:50:00Z</GeneratedTime>',
      );
    case 'GetAccountPasswordPolicy':
      return respond(
        '<PasswordPolicy><AllowUsersToChangePassword>true</AllowUsersToChangePassword><RequireLowercaseCharacters>true</RequireLowercaseCharacters>' +
          '<RequireUppercaseCharacters>false</RequireUppercaseCharacters><MinimumPasswordLength>8</MinimumPasswordLength>' +
          '<RequireNumbers>true</RequireNumbers><RequireSymbols>false</RequireSymbols><ExpirePasswords>false</ExpirePasswords></PasswordPolicy>',
      );
    case 'GetAccountSummary':
      return respond(
        `<SummaryMap><entry><key>Users</key><value>${account.users.length}</value></entry>` +
          `<entry><key>Roles</key><value>${account.roles.length}</value></entry>` +
          `<entry><key>Groups</key><value>${account.groups.length}</value></entry>` +
          '<entry><key>AccountMFAEnabled</key><value>1</value></entry>' +
          '<entry><key>AccountAccessKeysPresent</key><value>0</value></entry></SummaryMap>',
      );
    case 'ListRoles': {
      const slice = page(account.roles, params.Marker, size);
      return respond(
        `${truncated(slice)}<Roles>${slice.items.map((role) => `<member>${roleCore(role)}<MaxSessionDuration>3600</MaxSessionDuration></member>`).join('')}</Roles>`,
      );
    }
    case 'GetRole': {
      const role = byName(account.roles, params.RoleName, 'role');
      if (isReply(role)) return role;
      return respond(
        `<Role>${roleCore(role)}<MaxSessionDuration>3600</MaxSessionDuration>${roleLastUsed(role)}<Tags/></Role>`,
      );
    }
    case 'ListAttachedRolePolicies':
    case 'ListAttachedUserPolicies':
    case 'ListAttachedGroupPolicies': {
      const holder = holderOf(operation, params, account);
      if (isReply(holder)) return holder;
      return respond(`${attachedList(holder.attached, 'AttachedPolicies')}<IsTruncated>false</IsTruncated>`);
    }
    case 'ListRolePolicies':
    case 'ListUserPolicies':
    case 'ListGroupPolicies': {
      const holder = holderOf(operation, params, account);
      if (isReply(holder)) return holder;
      return respond(
        `<PolicyNames>${holder.inline.map((policy) => element('member', policy.name)).join('')}</PolicyNames><IsTruncated>false</IsTruncated>`,
      );
    }
    case 'GetRolePolicy':
    case 'GetUserPolicy':
    case 'GetGroupPolicy': {
      const holder = holderOf(operation, params, account);
      if (isReply(holder)) return holder;
      const policy = holder.inline.find((candidate) => candidate.name === params.PolicyName);
      if (!policy)
        return queryError('NoSuchEntity', `The policy ${String(params.PolicyName)} cannot be found.`, 404);
      const who =
        operation === 'GetRolePolicy' ? 'RoleName' : operation === 'GetUserPolicy' ? 'UserName' : 'GroupName';
      return respond(
        `${element(who, holder.name)}${element('PolicyName', policy.name)}${element('PolicyDocument', encoded(policy.document))}`,
      );
    }
    case 'ListUsers': {
      const slice = page(account.users, params.Marker, size);
      return respond(
        `${truncated(slice)}<Users>${slice.items.map((user) => `<member>${userCore(user)}</member>`).join('')}</Users>`,
      );
    }
    case 'ListGroups': {
      const slice = page(account.groups, params.Marker, size);
      return respond(
        `${truncated(slice)}<Groups>${slice.items.map((group) => `<member>${groupCore(group)}</member>`).join('')}</Groups>`,
      );
    }
    case 'ListGroupsForUser': {
      const user = byName(account.users, params.UserName, 'user');
      if (isReply(user)) return user;
      const groups = account.groups.filter((group) => user.groups.includes(group.name));
      return respond(
        `<Groups>${groups.map((group) => `<member>${groupCore(group)}</member>`).join('')}</Groups><IsTruncated>false</IsTruncated>`,
      );
    }
    case 'ListAccessKeys': {
      const user = byName(account.users, params.UserName, 'user');
      if (isReply(user)) return user;
      return respond(
        `<AccessKeyMetadata>${user.accessKeys
          .map(
            (key) =>
              `<member>${element('UserName', user.name)}${element('AccessKeyId', key.id)}<Status>Active</Status>${element('CreateDate', key.lastRotated)}</member>`,
          )
          .join('')}</AccessKeyMetadata><IsTruncated>false</IsTruncated>`,
      );
    }
    case 'ListMFADevices':
      return respond('<MFADevices/><IsTruncated>false</IsTruncated>');
    case 'ListPolicies': {
      const scope = params.Scope ?? 'All';
      const policies = account.policies.filter(
        (policy) => scope === 'All' || (scope === 'AWS' ? policy.awsManaged : !policy.awsManaged),
      );
      const slice = page(policies, params.Marker, size);
      return respond(
        `${truncated(slice)}<Policies>${slice.items.map((policy) => `<member>${policyCore(policy)}</member>`).join('')}</Policies>`,
      );
    }
    case 'GetPolicyVersion': {
      const policy = account.policies.find((candidate) => candidate.arn === params.PolicyArn);
      if (!policy)
        return queryError('NoSuchEntity', `Policy ${String(params.PolicyArn)} was not found.`, 404);
      return respond(
        `<PolicyVersion>${element('Document', encoded(policy.document))}${element('VersionId', policy.defaultVersionId)}` +
          '<IsDefaultVersion>true</IsDefaultVersion><CreateDate>2024-06-01T00:00:00Z</CreateDate></PolicyVersion>',
      );
    }
    default:
      return queryError('InvalidAction', `Could not find operation ${operation} for version 2010-05-08`);
  }
}

/** The role, user or group an entity-scoped call names. */
function holderOf(
  operation: string,
  params: Record<string, unknown>,
  account: AccountData,
): { name: string; inline: RoleData['inline']; attached: RoleData['attached'] } | Reply {
  if (operation.includes('Role')) return byName(account.roles, params.RoleName, 'role');
  if (operation.includes('User')) return byName(account.users, params.UserName, 'user');
  return byName(account.groups, params.GroupName, 'group');
}
