/**
 * The CloudFormation template for the one-click onboarding: exactly one resource, the read-only role, with the
 * scanner trust policy and the catalogue's permission policy inline. The External ID and the scanner account come
 * in as parameters, so one published template serves every customer and the quick-create link fills them in.
 */
import { stringify } from 'yaml';
import { EXTERNAL_ID_LENGTH, EXTERNAL_ID_PATTERN } from './external-id.ts';
import type { IamPolicyDocument } from './iam-policy-schema.ts';
import { buildPermissionPolicy } from './permission-policy.ts';

/** The CloudFormation intrinsic functions the template uses. */
export type CfnIntrinsic =
  | { Ref: string }
  | { 'Fn::Join': [string, CfnValue[]] }
  | { 'Fn::GetAtt': [string, string] };

/** A literal string or a value CloudFormation computes. */
export type CfnValue = string | CfnIntrinsic;

/** A template parameter. */
export interface CfnParameter {
  /** Always a string here. */
  Type: 'String';
  /** Shown beside the field in the console. */
  Description: string;
  /** Regular expression the whole value must match. */
  AllowedPattern: string;
  /** Minimum length. */
  MinLength: number;
  /** Maximum length. */
  MaxLength: number;
  /** Shown when the value breaks the constraints. */
  ConstraintDescription: string;
}

/** The trust policy as CloudFormation sees it: the scanner account and External ID are parameter references. */
export interface CfnTrustPolicy {
  /** Policy language version. */
  Version: '2012-10-17';
  /** The single assume-role statement. */
  Statement: [
    {
      /** Statement id. */
      Sid: string;
      /** Always Allow. */
      Effect: 'Allow';
      /** The scanner account's root, built from the ScannerAccountId parameter. */
      Principal: { AWS: CfnValue };
      /** Always sts:AssumeRole. */
      Action: 'sts:AssumeRole';
      /** The External ID condition, from the ExternalId parameter. */
      Condition: { StringEquals: { 'sts:ExternalId': CfnValue } };
    },
  ];
}

/** The role resource. */
export interface CfnRoleResource {
  /** Always an IAM role. */
  Type: 'AWS::IAM::Role';
  /** The role's properties. */
  Properties: {
    /** Shown on the role in the IAM console. */
    Description: string;
    /** One hour, the most a scan needs (and AWS's default). */
    MaxSessionDuration: 3600;
    /** Who may assume it. */
    AssumeRolePolicyDocument: CfnTrustPolicy;
    /** The read-only permission policy, inline so it lives and dies with the role. */
    Policies: { PolicyName: string; PolicyDocument: IamPolicyDocument }[];
  };
}

/** The whole template. */
export interface CloudFormationTemplate {
  /** Template format version. */
  AWSTemplateFormatVersion: '2010-09-09';
  /** Shown on the stack. */
  Description: string;
  /** The External ID and the scanner account. */
  Parameters: { ExternalId: CfnParameter; ScannerAccountId: CfnParameter };
  /** Exactly one resource: the role. */
  Resources: { AxiomReadOnlyRole: CfnRoleResource };
  /** The role ARN to paste back into Axiom. */
  Outputs: { RoleArn: { Description: string; Value: CfnIntrinsic } };
}

/** Logical id of the role in the template. */
export const CFN_ROLE_LOGICAL_ID = 'AxiomReadOnlyRole';

/** Name of the inline permission policy on the role (also used by the Terraform module). */
export const PERMISSION_POLICY_NAME = 'axiom-read-only';

/** Options for the template. */
export interface CloudFormationOptions {
  /** Regions the role may read in; omitted or empty for all (see buildPermissionPolicy). */
  regions?: readonly string[];
}

/** The template as an object; the JSON and YAML renderings are both of this one value. */
export function buildCloudFormationTemplate(options: CloudFormationOptions = {}): CloudFormationTemplate {
  const permissionPolicy = buildPermissionPolicy(options.regions ? { regions: options.regions } : {});
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      'Axiom read-only access: one IAM role that Axiom assumes with your External ID to read configuration (List and Read actions only; no writes, no object, log, secret or row contents).',
    Parameters: {
      ExternalId: {
        Type: 'String',
        Description: 'The External ID shown in Axiom for this connection.',
        AllowedPattern: EXTERNAL_ID_PATTERN,
        MinLength: EXTERNAL_ID_LENGTH,
        MaxLength: EXTERNAL_ID_LENGTH,
        ConstraintDescription: "Paste the External ID exactly as Axiom shows it (it starts with 'axm-').",
      },
      ScannerAccountId: {
        Type: 'String',
        Description: 'The AWS account Axiom scans from, shown in Axiom.',
        AllowedPattern: '^[0-9]{12}$',
        MinLength: 12,
        MaxLength: 12,
        ConstraintDescription: 'A 12-digit AWS account id.',
      },
    },
    Resources: {
      [CFN_ROLE_LOGICAL_ID]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          Description: 'Read-only role assumed by Axiom with an External ID.',
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'AxiomScannerAssumeRole',
                Effect: 'Allow',
                Principal: {
                  AWS: {
                    'Fn::Join': [
                      '',
                      ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'ScannerAccountId' }, ':root'],
                    ],
                  },
                },
                Action: 'sts:AssumeRole',
                Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
              },
            ],
          },
          Policies: [{ PolicyName: PERMISSION_POLICY_NAME, PolicyDocument: permissionPolicy }],
        },
      },
    },
    Outputs: {
      RoleArn: {
        Description: 'Paste this role ARN into Axiom.',
        Value: { 'Fn::GetAtt': [CFN_ROLE_LOGICAL_ID, 'Arn'] },
      },
    },
  };
}

/** Options for rendering the template. */
export interface RenderCloudFormationOptions extends CloudFormationOptions {
  /** 'json' (default) or 'yaml'. */
  format?: 'json' | 'yaml';
}

/**
 * The template as text. YAML is written with YAML 1.1 rules so that strings a 1.1 parser would read as dates or
 * booleans (the policy Version, 'on', 'yes') are quoted, without anchors or aliases (CloudFormation rejects
 * them), and without line folding so each value stays on one line.
 */
export function renderCloudFormationTemplate(options: RenderCloudFormationOptions = {}): string {
  const template = buildCloudFormationTemplate(options.regions ? { regions: options.regions } : {});
  if (options.format === 'yaml') {
    return stringify(template, { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0 });
  }
  return `${JSON.stringify(template, null, 2)}\n`;
}
