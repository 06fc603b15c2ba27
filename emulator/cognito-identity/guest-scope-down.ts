import type { PolicyDocument } from '../policy/types';

/**
 * The scope-down Cognito passes to STS for a guest (unauthenticated identity)
 * in the enhanced flow: "Cognito Identity Service will automatically include it
 * as a scoped down policy when creating credentials. The privileges … will now
 * be defined by the intersection of the role associated with the identity of
 * the unauthenticated user … and the privileges given in this managed policy"
 * [doc: AWS managed policy reference, AmazonCognitoUnAuthedIdentitiesSessionPolicy].
 * Cognito sends it with an inline session policy listing the services of CG
 * "IAM roles" § "Services that unauthenticated enhanced flow users can access",
 * which includes Amazon S3, DynamoDB, Lambda and API Gateway (aws-contract.md
 * §2). Session policies passed together allow what any of them allows, so the
 * two become two statements of one document here. The inline list is
 * transcribed from a public copy of that page section [inferred where the copy
 * may lag the page]; the managed statement is its published v3 document.
 * The basic (classic) flow applies no scope-down [doc: CG "IAM roles"].
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
