import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIamCollector } from '../../../../core/scan/collectors/iam.ts';
import { parseCredentialReport } from '../../../../core/scan/collectors/support/iam-credential-report.ts';
import { decodePolicyDocument } from '../../../../core/scan/collectors/support/iam-policy-document.ts';
import { type FakeAws, queryError, queryResponse, startFakeAws } from '../../../helpers/fake-aws.ts';
import { collectorContext, collectorTarget } from './context-for-tests.ts';

let aws: FakeAws;
beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => aws.reset());

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const ACCOUNT = '111122223333';

/** IAM sends policy documents URL-encoded inside the XML. */
function encoded(document: object): string {
  return encodeURIComponent(JSON.stringify(document));
}

const ADMIN_DOC = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const TRUST_DOC = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::444455556666:root' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'a&b<c>"d"' } },
    },
  ],
};
const INLINE_DOC = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::a b/*' }],
};

const PAGE_1 = `
<IsTruncated>true</IsTruncated>
<Marker>EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl</Marker>
<UserDetailList>
  <member>
    <GroupList><member>Admins</member></GroupList>
    <AttachedManagedPolicies/>
    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
    <Path>/</Path>
    <UserName>Alice</UserName>
    <Arn>arn:aws:iam::${ACCOUNT}:user/Alice</Arn>
    <CreateDate>2013-10-14T18:32:24Z</CreateDate>
    <UserPolicyList>
      <member><PolicyName>read-a-b</PolicyName><PolicyDocument>${encoded(INLINE_DOC)}</PolicyDocument></member>
    </UserPolicyList>
    <Tags><member><Key>team</Key><Value>platform</Value></member></Tags>
  </member>
</UserDetailList>
<GroupDetailList>
  <member>
    <GroupId>AIDACKCEVSQ6C7EXAMPLE</GroupId>
    <AttachedManagedPolicies>
      <member><PolicyName>AdministratorAccess</PolicyName><PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn></member>
    </AttachedManagedPolicies>
    <GroupName>Admins</GroupName>
    <Path>/</Path>
    <Arn>arn:aws:iam::${ACCOUNT}:group/Admins</Arn>
    <CreateDate>2013-10-14T18:32:24Z</CreateDate>
    <GroupPolicyList/>
  </member>
</GroupDetailList>
<RoleDetailList/>
<Policies/>`;

const PAGE_2 = `
<IsTruncated>false</IsTruncated>
<UserDetailList/>
<GroupDetailList/>
<RoleDetailList>
  <member>
    <RolePolicyList/>
    <AttachedManagedPolicies>
      <member><PolicyName>deploy</PolicyName><PolicyArn>arn:aws:iam::${ACCOUNT}:policy/deploy</PolicyArn></member>
    </AttachedManagedPolicies>
    <InstanceProfileList/>
    <RoleId>AROA1234567890EXAMPLE</RoleId>
    <Path>/partners/</Path>
    <RoleName>partner-access</RoleName>
    <Arn>arn:aws:iam::${ACCOUNT}:role/partners/partner-access</Arn>
    <CreateDate>2020-02-01T10:00:00Z</CreateDate>
    <AssumeRolePolicyDocument>${encoded(TRUST_DOC)}</AssumeRolePolicyDocument>
    <RoleLastUsed><LastUsedDate>2025-12-30T08:00:00Z</LastUsedDate><Region>us-east-1</Region></RoleLastUsed>
    <Tags/>
  </member>
</RoleDetailList>
<Policies>
  <member>
    <PolicyName>deploy</PolicyName>
    <DefaultVersionId>v2</DefaultVersionId>
    <PolicyId>ANPA1234567890EXAMPLE</PolicyId>
    <Path>/</Path>
    <PolicyVersionList>
      <member>
        <Document>${encoded({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] })}</Document>
        <IsDefaultVersion>false</IsDefaultVersion>
        <VersionId>v1</VersionId>
        <CreateDate>2020-01-01T00:00:00Z</CreateDate>
      </member>
      <member>
        <Document>${encoded(ADMIN_DOC)}</Document>
        <IsDefaultVersion>true</IsDefaultVersion>
        <VersionId>v2</VersionId>
        <CreateDate>2021-01-01T00:00:00Z</CreateDate>
      </member>
    </PolicyVersionList>
    <Arn>arn:aws:iam::${ACCOUNT}:policy/deploy</Arn>
    <AttachmentCount>1</AttachmentCount>
    <CreateDate>2020-01-01T00:00:00Z</CreateDate>
    <IsAttachable>true</IsAttachable>
    <UpdateDate>2021-01-01T00:00:00Z</UpdateDate>
  </member>
  <member>
    <PolicyName>AdministratorAccess</PolicyName>
    <DefaultVersionId>v1</DefaultVersionId>
    <PolicyId>ANPAIWMBCKSKIEE64ZLYK</PolicyId>
    <Path>/</Path>
    <PolicyVersionList>
      <member><Document>${encoded(ADMIN_DOC)}</Document><IsDefaultVersion>true</IsDefaultVersion><VersionId>v1</VersionId><CreateDate>2015-02-06T18:39:46Z</CreateDate></member>
    </PolicyVersionList>
    <Arn>arn:aws:iam::aws:policy/AdministratorAccess</Arn>
    <AttachmentCount>1</AttachmentCount>
    <CreateDate>2015-02-06T18:39:46Z</CreateDate>
    <IsAttachable>true</IsAttachable>
    <UpdateDate>2015-02-06T18:39:46Z</UpdateDate>
  </member>
</Policies>`;

const REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,' +
  'mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,' +
  'access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,' +
  'access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,' +
  'cert_2_last_rotated';
const REPORT = [
  REPORT_HEADER,
  `<root_account>,arn:aws:iam::${ACCOUNT}:root,2019-01-01T00:00:00+00:00,not_supported,2025-12-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `Alice,arn:aws:iam::${ACCOUNT}:user/Alice,2013-10-14T18:32:24+00:00,true,no_information,2024-05-01T00:00:00+00:00,N/A,false,true,2024-01-10T00:00:00+00:00,2026-01-10T09:00:00+00:00,us-east-1,s3,true,2025-06-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');

function serveIam(options: { reportStates?: string[] } = {}): void {
  aws.on('IAM', 'GetAccountAuthorizationDetails', (request) =>
    queryResponse(
      'GetAccountAuthorizationDetails',
      request.params.Marker === undefined ? PAGE_1 : PAGE_2,
      NS,
    ),
  );
  const states = [...(options.reportStates ?? ['COMPLETE'])];
  aws.on('IAM', 'GenerateCredentialReport', () => {
    const state = states.length > 1 ? states.shift() : states[0];
    return queryResponse(
      'GenerateCredentialReport',
      `<State>${state}</State><Description>No report exists. Starting a new report generation task</Description>`,
      NS,
    );
  });
  aws.on('IAM', 'GetCredentialReport', () =>
    queryResponse(
      'GetCredentialReport',
      `<Content>${Buffer.from(REPORT).toString('base64')}</Content><ReportFormat>text/csv</ReportFormat>` +
        '<GeneratedTime>2026-01-14T23:50:00Z</GeneratedTime>',
      NS,
    ),
  );
  aws.on('IAM', 'GetAccountPasswordPolicy', () =>
    queryResponse(
      'GetAccountPasswordPolicy',
      '<PasswordPolicy><AllowUsersToChangePassword>true</AllowUsersToChangePassword><RequireLowercaseCharacters>true</RequireLowercaseCharacters>' +
        '<RequireUppercaseCharacters>false</RequireUppercaseCharacters><MinimumPasswordLength>8</MinimumPasswordLength>' +
        '<RequireNumbers>true</RequireNumbers><RequireSymbols>false</RequireSymbols><ExpirePasswords>false</ExpirePasswords></PasswordPolicy>',
      NS,
    ),
  );
  aws.on('IAM', 'GetAccountSummary', () =>
    queryResponse(
      'GetAccountSummary',
      '<SummaryMap><entry><key>Groups</key><value>1</value></entry><entry><key>AccountMFAEnabled</key><value>1</value></entry>' +
        '<entry><key>AccountAccessKeysPresent</key><value>0</value></entry><entry><key>Users</key><value>1</value></entry></SummaryMap>',
      NS,
    ),
  );
}

async function collect(options: { maxAttempts?: number; reportPolls?: number } = {}) {
  const sleeps: number[] = [];
  const collector = createIamCollector({
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...(options.reportPolls === undefined ? {} : { reportPolls: options.reportPolls }),
  });
  const { context, coverage } = collectorContext({
    aws,
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  });
  const target = collectorTarget();
  await collector.collect(context, target);
  return { iam: target.account.iam, coverage, sleeps };
}

describe('iamCollector', () => {
  it('collects users, groups, roles and policies from GetAccountAuthorizationDetails pages, decoding documents', async () => {
    serveIam();
    const { iam, coverage } = await collect();
    const pages = aws.calls('IAM', 'GetAccountAuthorizationDetails');
    expect(pages.map((page) => page.params.Marker)).toEqual([
      undefined,
      'EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl',
    ]);
    expect(pages[0]?.params).toMatchObject({
      MaxItems: '1000',
      'Filter.member.1': 'User',
      'Filter.member.2': 'Group',
      'Filter.member.3': 'Role',
      'Filter.member.4': 'LocalManagedPolicy',
      'Filter.member.5': 'AWSManagedPolicy',
    });
    expect(iam?.users).toEqual([
      {
        userName: 'Alice',
        arn: `arn:aws:iam::${ACCOUNT}:user/Alice`,
        createDate: '2013-10-14T18:32:24.000Z',
        inlinePolicies: [{ policyName: 'read-a-b', document: INLINE_DOC }],
        attachedPolicyArns: [],
        groups: ['Admins'],
        tags: { team: 'platform' },
      },
    ]);
    expect(iam?.groups).toEqual([
      {
        groupName: 'Admins',
        arn: `arn:aws:iam::${ACCOUNT}:group/Admins`,
        inlinePolicies: [],
        attachedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      },
    ]);
    expect(iam?.roles).toEqual([
      {
        roleName: 'partner-access',
        arn: `arn:aws:iam::${ACCOUNT}:role/partners/partner-access`,
        path: '/partners/',
        createDate: '2020-02-01T10:00:00.000Z',
        assumeRolePolicyDocument: TRUST_DOC,
        inlinePolicies: [],
        attachedPolicyArns: [`arn:aws:iam::${ACCOUNT}:policy/deploy`],
        lastUsedDate: '2025-12-30T08:00:00.000Z',
        tags: {},
      },
    ]);
    expect(iam?.policies).toEqual([
      {
        arn: `arn:aws:iam::${ACCOUNT}:policy/deploy`,
        policyName: 'deploy',
        awsManaged: false,
        attachmentCount: 1,
        defaultVersionId: 'v2',
        document: ADMIN_DOC,
      },
      {
        arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        policyName: 'AdministratorAccess',
        awsManaged: true,
        attachmentCount: 1,
        defaultVersionId: 'v1',
        document: ADMIN_DOC,
      },
    ]);
    expect(iam?.passwordPolicy).toEqual({
      minimumPasswordLength: 8,
      requireSymbols: false,
      requireNumbers: true,
      requireUppercaseCharacters: false,
      requireLowercaseCharacters: true,
    });
    expect(iam?.accountSummary).toEqual({
      Groups: 1,
      AccountMFAEnabled: 1,
      AccountAccessKeysPresent: 0,
      Users: 1,
    });
    expect(iam?.credentialReport?.map((row) => row.user)).toEqual(['<root_account>', 'Alice']);
    expect(coverage.map((entry) => [entry.operation, entry.status]).sort()).toEqual([
      ['GenerateCredentialReport', 'ok'],
      ['GetAccountAuthorizationDetails', 'ok'],
      ['GetAccountPasswordPolicy', 'ok'],
      ['GetAccountSummary', 'ok'],
      ['GetCredentialReport', 'ok'],
    ]);
    // Never a per-entity call.
    expect(new Set(aws.requests.map((request) => request.operation))).toEqual(
      new Set([
        'GetAccountAuthorizationDetails',
        'GenerateCredentialReport',
        'GetCredentialReport',
        'GetAccountPasswordPolicy',
        'GetAccountSummary',
      ]),
    );
  });

  it('polls GenerateCredentialReport with the injected sleep until the report is complete', async () => {
    serveIam({ reportStates: ['STARTED', 'INPROGRESS', 'COMPLETE'] });
    const { iam, sleeps } = await collect();
    expect(aws.calls('IAM', 'GenerateCredentialReport')).toHaveLength(3);
    expect(sleeps).toEqual([2000, 2000]);
    expect(iam?.credentialReport).toHaveLength(2);
  });

  it('gives up after the bounded polls and records the report as not collected', async () => {
    serveIam({ reportStates: ['INPROGRESS'] });
    const { iam, coverage } = await collect({ reportPolls: 3 });
    expect(aws.calls('IAM', 'GenerateCredentialReport')).toHaveLength(3);
    expect(aws.calls('IAM', 'GetCredentialReport')).toHaveLength(0);
    expect(iam?.credentialReport).toBeUndefined();
    expect(coverage.find((entry) => entry.operation === 'GetCredentialReport')).toMatchObject({
      status: 'error',
      detail: expect.stringContaining(
        'still generating the credential report (state INPROGRESS) after 3 checks',
      ),
    });
  });

  it('records a missing password policy as null (NoSuchEntity is a value)', async () => {
    serveIam();
    aws.on('IAM', 'GetAccountPasswordPolicy', () =>
      queryError('NoSuchEntity', `The Password Policy with domain name ${ACCOUNT} cannot be found.`, 404),
    );
    const { iam, coverage } = await collect();
    expect(iam?.passwordPolicy).toBeNull();
    expect(coverage.find((entry) => entry.operation === 'GetAccountPasswordPolicy')?.status).toBe('ok');
  });

  it('turns AccessDenied into coverage and leaves only that slot absent', async () => {
    serveIam();
    aws.on('IAM', 'GetAccountAuthorizationDetails', () =>
      queryError(
        'AccessDenied',
        `User: arn:aws:sts::${ACCOUNT}:assumed-role/axiom/s is not authorized to perform: iam:GetAccountAuthorizationDetails with an explicit deny in a service control policy`,
        403,
      ),
    );
    const { iam, coverage } = await collect();
    expect(iam?.users).toBeUndefined();
    expect(iam?.roles).toBeUndefined();
    expect(iam?.policies).toBeUndefined();
    expect(iam?.accountSummary).toBeDefined();
    expect(coverage.find((entry) => entry.operation === 'GetAccountAuthorizationDetails')).toMatchObject({
      service: 'iam',
      status: 'denied',
      detail: expect.stringContaining('service control policy'),
    });
  });

  it('retries a throttled page and completes the listing', async () => {
    serveIam();
    let throttled = false;
    aws.on('IAM', 'GetAccountAuthorizationDetails', (request) => {
      if (request.params.Marker !== undefined && !throttled) {
        throttled = true;
        return queryError('Throttling', 'Rate exceeded', 400);
      }
      return queryResponse(
        'GetAccountAuthorizationDetails',
        request.params.Marker === undefined ? PAGE_1 : PAGE_2,
        NS,
      );
    });
    const { iam, coverage } = await collect({ maxAttempts: 3 });
    expect(aws.calls('IAM', 'GetAccountAuthorizationDetails')).toHaveLength(3);
    expect(iam?.roles?.map((role) => role.roleName)).toEqual(['partner-access']);
    expect(coverage.find((entry) => entry.operation === 'GetAccountAuthorizationDetails')?.status).toBe('ok');
  });
});

describe('parseCredentialReport', () => {
  it('maps columns by name and turns N/A, no_information and not_supported into absent values', () => {
    expect(parseCredentialReport(REPORT)).toEqual([
      {
        user: '<root_account>',
        arn: `arn:aws:iam::${ACCOUNT}:root`,
        userCreationTime: '2019-01-01T00:00:00+00:00',
        passwordEnabled: false,
        passwordLastUsed: '2025-12-01T10:00:00+00:00',
        mfaActive: true,
        accessKey1Active: false,
        accessKey2Active: false,
      },
      {
        user: 'Alice',
        arn: `arn:aws:iam::${ACCOUNT}:user/Alice`,
        userCreationTime: '2013-10-14T18:32:24+00:00',
        passwordEnabled: true,
        passwordLastChanged: '2024-05-01T00:00:00+00:00',
        mfaActive: false,
        accessKey1Active: true,
        accessKey1LastRotated: '2024-01-10T00:00:00+00:00',
        accessKey1LastUsed: '2026-01-10T09:00:00+00:00',
        accessKey2Active: true,
        accessKey2LastRotated: '2025-06-01T00:00:00+00:00',
      },
    ]);
  });

  it('finds columns by name whatever their order, with CRLF line ends and quoted cells', () => {
    const csv = 'arn,mfa_active,user\r\n"arn:aws:iam::1:user/a,b",true,"a ""quoted"" name"\r\n';
    expect(parseCredentialReport(csv)).toEqual([
      {
        user: 'a "quoted" name',
        arn: 'arn:aws:iam::1:user/a,b',
        passwordEnabled: false,
        mfaActive: true,
        accessKey1Active: false,
        accessKey2Active: false,
      },
    ]);
  });

  it('reads an empty report as no rows', () => {
    expect(parseCredentialReport('')).toEqual([]);
    expect(parseCredentialReport(`${REPORT_HEADER}\n`)).toEqual([]);
  });
});

describe('decodePolicyDocument', () => {
  it('decodes URL-encoded JSON, keeps undecodable text as text', () => {
    expect(decodePolicyDocument(encoded(TRUST_DOC))).toEqual(TRUST_DOC);
    expect(decodePolicyDocument(JSON.stringify({ Version: '2012-10-17' }))).toEqual({
      Version: '2012-10-17',
    });
    expect(decodePolicyDocument('100%25 not json')).toBe('100% not json');
    expect(decodePolicyDocument('%E0%A4%A')).toBe('%E0%A4%A');
    expect(decodePolicyDocument(undefined)).toBeUndefined();
  });
});
