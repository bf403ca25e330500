/**
 * The known privilege-escalation paths of IAM: permissions with which a principal can give itself, or obtain,
 * permissions it was not granted. Compiled from the published research (Rhino Security Labs' 21 methods, Bishop
 * Fox's iam-vulnerable, PMapper's edges) and kept to the paths that need nothing but IAM permissions to work.
 * A test checks that every action named here exists in the catalogue.
 */
import type { Severity } from '../../../findings/finding.ts';

/** One privilege-escalation path. */
export interface EscalationPath {
  /** Short stable id, e.g. 'passrole-ec2'. */
  readonly id: string;
  /** The action the finding is reported on: the one to remove or scope. */
  readonly key: string;
  /** The other actions the path needs, each group satisfied by any one of its actions. */
  readonly with: readonly (readonly string[])[];
  /** What an attacker does with it, completing "lets this principal ...". */
  readonly how: string;
  /** Severity when the key action is granted on every resource with no narrowing condition. */
  readonly severity: Severity;
  /**
   * For iam:PassRole paths, the service principals the role is passed to: an iam:PassedToService condition
   * naming none of them closes the path.
   */
  readonly passedTo?: readonly string[];
  /**
   * True when a grant scoped to the caller's own user (`user/${aws:username}`) is harmless: managing one's own
   * access keys or password gives nothing new.
   */
  readonly selfServiceSafe?: boolean;
}

/** The paths, most direct first. */
export const ESCALATION_PATHS: readonly EscalationPath[] = [
  {
    id: 'create-policy-version',
    key: 'iam:CreatePolicyVersion',
    with: [],
    how: 'rewrite a customer managed policy attached to itself and make the new version (e.g. "Action": "*") the default',
    severity: 'critical',
  },
  {
    id: 'set-default-policy-version',
    key: 'iam:SetDefaultPolicyVersion',
    with: [],
    how: 'switch a managed policy attached to itself back to an older, broader version',
    severity: 'high',
  },
  {
    id: 'attach-user-policy',
    key: 'iam:AttachUserPolicy',
    with: [],
    how: 'attach AdministratorAccess to a user, including itself',
    severity: 'critical',
  },
  {
    id: 'attach-group-policy',
    key: 'iam:AttachGroupPolicy',
    with: [],
    how: 'attach AdministratorAccess to a group it is a member of',
    severity: 'critical',
  },
  {
    id: 'attach-role-policy',
    key: 'iam:AttachRolePolicy',
    with: [],
    how: 'attach AdministratorAccess to a role, including the one it uses',
    severity: 'critical',
  },
  {
    id: 'put-user-policy',
    key: 'iam:PutUserPolicy',
    with: [],
    how: 'write an inline policy granting "*" to a user, including itself',
    severity: 'critical',
  },
  {
    id: 'put-group-policy',
    key: 'iam:PutGroupPolicy',
    with: [],
    how: 'write an inline policy granting "*" to a group it is a member of',
    severity: 'critical',
  },
  {
    id: 'put-role-policy',
    key: 'iam:PutRolePolicy',
    with: [],
    how: 'write an inline policy granting "*" to a role, including the one it uses',
    severity: 'critical',
  },
  {
    id: 'add-user-to-group',
    key: 'iam:AddUserToGroup',
    with: [],
    how: 'add itself to a group with more permissions, such as an administrators group',
    severity: 'critical',
  },
  {
    id: 'update-assume-role-policy',
    key: 'iam:UpdateAssumeRolePolicy',
    with: [['sts:AssumeRole']],
    how: "rewrite a privileged role's trust policy to trust itself, then assume that role",
    severity: 'critical',
  },
  {
    id: 'create-access-key',
    key: 'iam:CreateAccessKey',
    with: [],
    how: 'create access keys for another user, such as an administrator, and act as that user',
    severity: 'critical',
    selfServiceSafe: true,
  },
  {
    id: 'create-login-profile',
    key: 'iam:CreateLoginProfile',
    with: [],
    how: 'set a console password for a user that has none and sign in as that user',
    severity: 'high',
    selfServiceSafe: true,
  },
  {
    id: 'update-login-profile',
    key: 'iam:UpdateLoginProfile',
    with: [],
    how: "change another user's console password and sign in as that user",
    severity: 'high',
    selfServiceSafe: true,
  },
  {
    id: 'delete-user-permissions-boundary',
    key: 'iam:DeleteUserPermissionsBoundary',
    with: [],
    how: 'remove the permissions boundary that caps its own permissions',
    severity: 'high',
  },
  {
    id: 'put-user-permissions-boundary',
    key: 'iam:PutUserPermissionsBoundary',
    with: [],
    how: 'replace the permissions boundary that caps its own permissions with a broader one',
    severity: 'high',
  },
  {
    id: 'delete-role-permissions-boundary',
    key: 'iam:DeleteRolePermissionsBoundary',
    with: [],
    how: 'remove the permissions boundary that caps the role it uses',
    severity: 'high',
  },
  {
    id: 'put-role-permissions-boundary',
    key: 'iam:PutRolePermissionsBoundary',
    with: [],
    how: 'replace the permissions boundary that caps the role it uses with a broader one',
    severity: 'high',
  },
  {
    id: 'passrole-ec2',
    key: 'iam:PassRole',
    with: [['ec2:RunInstances', 'ec2:RequestSpotInstances']],
    how: "launch an EC2 instance with any role's instance profile and use that role's credentials from the instance",
    severity: 'critical',
    passedTo: ['ec2.amazonaws.com'],
  },
  {
    id: 'passrole-lambda',
    key: 'iam:PassRole',
    with: [
      ['lambda:CreateFunction'],
      [
        'lambda:InvokeFunction',
        'lambda:CreateEventSourceMapping',
        'lambda:AddPermission',
        'lambda:CreateFunctionUrlConfig',
      ],
    ],
    how: 'create a Lambda function with any role and run it (invoke, event source or URL)',
    severity: 'critical',
    passedTo: ['lambda.amazonaws.com'],
  },
  {
    id: 'passrole-cloudformation',
    key: 'iam:PassRole',
    with: [['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:CreateChangeSet']],
    how: 'deploy a CloudFormation stack with any role as its service role, creating whatever that role may create',
    severity: 'critical',
    passedTo: ['cloudformation.amazonaws.com'],
  },
  {
    id: 'passrole-glue-dev-endpoint',
    key: 'iam:PassRole',
    with: [['glue:CreateDevEndpoint']],
    how: 'create a Glue development endpoint with any role and log in to it over SSH',
    severity: 'critical',
    passedTo: ['glue.amazonaws.com'],
  },
  {
    id: 'passrole-glue-job',
    key: 'iam:PassRole',
    with: [['glue:CreateJob'], ['glue:StartJobRun', 'glue:CreateTrigger']],
    how: 'create and run a Glue job with any role',
    severity: 'critical',
    passedTo: ['glue.amazonaws.com'],
  },
  {
    id: 'passrole-datapipeline',
    key: 'iam:PassRole',
    with: [['datapipeline:CreatePipeline'], ['datapipeline:PutPipelineDefinition']],
    how: 'create a Data Pipeline that runs commands with any role',
    severity: 'high',
    passedTo: ['datapipeline.amazonaws.com', 'elasticmapreduce.amazonaws.com'],
  },
  {
    id: 'passrole-ecs',
    key: 'iam:PassRole',
    with: [['ecs:RegisterTaskDefinition'], ['ecs:RunTask', 'ecs:StartTask', 'ecs:CreateService']],
    how: 'register an ECS task definition with any task role and run it',
    severity: 'critical',
    passedTo: ['ecs-tasks.amazonaws.com'],
  },
  {
    id: 'passrole-sagemaker-notebook',
    key: 'iam:PassRole',
    with: [['sagemaker:CreateNotebookInstance'], ['sagemaker:CreatePresignedNotebookInstanceUrl']],
    how: 'create a SageMaker notebook with any role and open a shell in it',
    severity: 'critical',
    passedTo: ['sagemaker.amazonaws.com'],
  },
  {
    id: 'passrole-sagemaker-job',
    key: 'iam:PassRole',
    with: [['sagemaker:CreateTrainingJob', 'sagemaker:CreateProcessingJob']],
    how: 'run a SageMaker training or processing job (its own container) with any role',
    severity: 'high',
    passedTo: ['sagemaker.amazonaws.com'],
  },
  {
    id: 'passrole-codebuild',
    key: 'iam:PassRole',
    with: [['codebuild:CreateProject'], ['codebuild:StartBuild']],
    how: 'create a CodeBuild project with any service role and run a build with its own buildspec',
    severity: 'critical',
    passedTo: ['codebuild.amazonaws.com'],
  },
  {
    id: 'passrole-autoscaling',
    key: 'iam:PassRole',
    with: [
      ['autoscaling:CreateLaunchConfiguration', 'ec2:CreateLaunchTemplate'],
      ['autoscaling:CreateAutoScalingGroup'],
    ],
    how: "launch instances through an Auto Scaling group with any role's instance profile",
    severity: 'high',
    passedTo: ['ec2.amazonaws.com'],
  },
  {
    id: 'passrole-apprunner',
    key: 'iam:PassRole',
    with: [['apprunner:CreateService']],
    how: 'create an App Runner service with any instance role',
    severity: 'high',
    passedTo: ['tasks.apprunner.amazonaws.com', 'build.apprunner.amazonaws.com'],
  },
  {
    id: 'passrole-emr',
    key: 'iam:PassRole',
    with: [['elasticmapreduce:RunJobFlow']],
    how: 'start an EMR cluster with any role and run steps on it',
    severity: 'high',
    passedTo: ['elasticmapreduce.amazonaws.com', 'ec2.amazonaws.com'],
  },
  {
    id: 'update-function-code',
    key: 'lambda:UpdateFunctionCode',
    with: [],
    how: "replace the code of an existing Lambda function and run it with that function's role",
    severity: 'high',
  },
  {
    id: 'update-glue-dev-endpoint',
    key: 'glue:UpdateDevEndpoint',
    with: [],
    how: "add its own SSH key to an existing Glue development endpoint and use the endpoint's role",
    severity: 'high',
  },
  {
    id: 'update-codebuild-project',
    key: 'codebuild:UpdateProject',
    with: [['codebuild:StartBuild']],
    how: "change the buildspec of an existing CodeBuild project and run it with the project's role",
    severity: 'high',
  },
];
