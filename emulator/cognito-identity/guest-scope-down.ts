import type { PolicyDocument } from '../policy/types';

/**
 * The scope-down Cognito passes to STS for a guest (unauthenticated identity)
 * in the enhanced flow, as its session policy: "Cognito Identity Service will
 * automatically include it as a scoped down policy when creating credentials.
 * The privileges to temporarily access other AWS resources through the
 * enhanced flow will now be defined by the intersection of the role associated
 * with the identity of the unauthenticated user provided by a service, and the
 * privileges given in this managed policy that is owned by Cognito" [doc: AWS
 * managed policy reference, AmazonCognitoUnAuthedIdentitiesSessionPolicy].
 * Only enhanced-flow guests get it (get-credentials.ts): "The basic flow
 * applies no such scope-down" [doc: aws-contract.md §2, after CG "IAM roles"].
 *
 * CONFLICT between AWS's own pages — cite as kind `conflict`:
 * - CG "IAM roles", § "Services that unauthenticated enhanced flow users can
 *   access", as aws-contract.md §2 (the project's source of truth) records it:
 *   guests reach "only the services listed in CG "IAM roles" § "Services that
 *   unauthenticated enhanced flow users can access" (that list includes Amazon
 *   S3, DynamoDB, Lambda and API Gateway); anything else is denied even when
 *   the role allows it".
 * - AmazonCognitoUnAuthedIdentitiesSessionPolicy, policy version v3 (default,
 *   edited November 01, 2024; https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonCognitoUnAuthedIdentitiesSessionPolicy.html):
 *   its only statement, Sid "CognitoUnAuthedIdentitiesSessionPolicy", allows
 *   "rum:PutRumEvents", "sagemaker:InvokeEndpoint", "polly:*",
 *   "comprehend:*", "translate:*", "transcribe:*", "rekognition:*",
 *   "mobiletargeting:*", "firehose:*", "personalize:*", geo:… and kms:…
 *   actions — neither s3:* nor dynamodb:* (nor lambda:*, execute-api:*).
 * The emulator follows aws-contract.md: S3 (and the rest of the CG list) is
 * allowed, as the first statement below, and the managed v3 document is the
 * second; session policies passed together allow what any of them allows
 * [inferred: Cognito is taken to pass the list inline beside the managed
 * policy]. The CG list is transcribed from a public copy of that page section
 * [inferred where the copy may lag the page]. A recording on AWS of a guest's
 * s3:GetObject in the enhanced flow settles which page is right.
 */
export const GUEST_ENHANCED_SCOPE_DOWN: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'CognitoUnauthenticatedEnhancedFlowServices',
      Effect: 'Allow',
      Action: [
        'cloudwatch:*',
        'logs:*',
        'dynamodb:*',
        'kinesis:*',
        'mobileanalytics:*',
        's3:*',
        'ses:*',
        'sns:*',
        'sqs:*',
        'lambda:*',
        'machinelearning:*',
        'execute-api:*',
        'iot:*',
        'gamelift:*',
        'cognito-identity:*',
        'cognito-idp:*',
        'lex:*',
        'polly:*',
        'comprehend:*',
        'translate:*',
        'transcribe:*',
        'rekognition:*',
        'mobiletargeting:*',
        'firehose:*',
        'appsync:*',
        'personalize:*',
        'sagemaker:InvokeEndpoint',
        'cognito-sync:*',
        'codewhisperer:*',
        'textract:DetectDocumentText',
        'textract:AnalyzeDocument',
        'sdb:*',
      ],
      Resource: '*',
    },
    {
      Sid: 'CognitoUnAuthedIdentitiesSessionPolicy',
      Effect: 'Allow',
      Action: [
        'rum:PutRumEvents',
        'sagemaker:InvokeEndpoint',
        'polly:*',
        'comprehend:*',
        'translate:*',
        'transcribe:*',
        'rekognition:*',
        'mobiletargeting:*',
        'firehose:*',
        'personalize:*',
        'geo:GetMap*',
        'geo:SearchPlaceIndex*',
        'geo:GetPlace',
        'geo:CalculateRoute*',
        'geo:*Geofence',
        'geo:*Geofences',
        'geo:*DevicePosition*',
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncryptTo',
        'kms:ReEncryptFrom',
        'kms:GenerateDataKey',
        'kms:GenerateDataKeyPair',
        'kms:GenerateDataKeyPairWithoutPlaintext',
        'kms:GenerateDataKeyWithoutPlaintext',
      ],
      Resource: '*',
    },
  ],
};
