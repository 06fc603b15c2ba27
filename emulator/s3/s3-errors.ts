import { AwsServiceError } from '../errors';

/**
 * An S3 error: its code, status and message, and the extra elements S3 adds
 * to `<Error>` (BucketName, Key, …) before RequestId and HostId [doc: S3-API
 * "Error responses", REST error responses].
 */
export class S3Error extends AwsServiceError {
  constructor(code: string, message: string, status: number, readonly details: Record<string, string> = {}) {
    super(code, message, status);
  }
}

/**
 * The errors the emulator's S3 answers. Codes and statuses are those of S3-API
 * "Error responses", "List of error codes". Messages are AWS's own where seen
 * on the wire [obs], else the list's wording [doc]; where neither was found
 * the message is marked inferred.
 */
export const s3Errors = {
  // [obs: NoSuchBucket bodies with <BucketName>, e.g. electron/apps#2157, awslabs/amazon-pollexy#7]
  noSuchBucket: (bucket: string) => new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket }),
  // [doc: error list; obs: "The specified key does not exist." in SDK error output]
  noSuchKey: (key: string) => new S3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key }),
  // [obs: moto's S3 exceptions, ported from AWS answers]
  bucketNotEmpty: (bucket: string) => new S3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: bucket }),
  // [doc: S3-API CreateBucket, BucketAlreadyOwnedByYou; message obs: moto]
  bucketAlreadyOwnedByYou: (bucket: string) =>
    new S3Error('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, { BucketName: bucket }),
  // [doc: S3-API CreateBucket, BucketAlreadyExists] The emulator holds one account, so no other owner exists to cause it.
  bucketAlreadyExists: (bucket: string) =>
    new S3Error(
      'BucketAlreadyExists',
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      409,
      { BucketName: bucket },
    ),
  // [doc: error list "The specified bucket is not valid."]
  invalidBucketName: (bucket: string) => new S3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket }),
  // [obs: moto] 404
  noSuchBucketPolicy: (bucket: string) => new S3Error('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, { BucketName: bucket }),
  // [obs: moto] 404
  noSuchTagSet: (bucket: string) => new S3Error('NoSuchTagSet', 'The TagSet does not exist', 404, { BucketName: bucket }),
  malformedPolicy: (message: string) => new S3Error('MalformedPolicy', message, 400),
  // [doc: error list]
  malformedXml: () =>
    new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400),
  invalidTag: (message: string) => new S3Error('InvalidTag', message, 400),
  // [obs: moto, AWS's answers for a us-east-1 request naming us-east-1 and for a regional endpoint]
  invalidLocationConstraint: () => new S3Error('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400),
  illegalLocationConstraint: (location: string | undefined) =>
    new S3Error(
      'IllegalLocationConstraintException',
      `The ${location ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      400,
    ),
  invalidArgument: (message: string, name: string, value: string) =>
    new S3Error('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value }),
  // [doc: error list, 416]
  invalidRange: (range: string, size: number) =>
    new S3Error('InvalidRange', 'The requested range is not satisfiable', 416, { RangeRequested: range, ActualObjectSize: String(size) }),
  // [obs: moto's S3 auth errors; the same wording in AWS CLI output]
  signatureDoesNotMatch: () =>
    new S3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', 403),
  invalidAccessKeyId: (accessKeyId: string) =>
    new S3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403, { AWSAccessKeyId: accessKeyId }),
  invalidToken: () => new S3Error('InvalidToken', 'The provided token is malformed or otherwise invalid.', 400),
  // [doc: error list, ExpiredToken 400]
  expiredToken: () => new S3Error('ExpiredToken', 'The provided token has expired.', 400),
  // [obs: "Access Denied" is what S3 answers an anonymous caller; signed callers get accessDeniedMessage's text]
  accessDenied: (message = 'Access Denied') => new S3Error('AccessDenied', message, 403),
  // [obs: grosskur/lua-resty-aws#2, postmanlabs/postman-app-support#3680: body with both hashes]
  contentSha256Mismatch: (client: string, computed: string) =>
    new S3Error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400, {
      ClientComputedContentSHA256: client,
      S3ComputedContentSHA256: computed,
    }),
  // [obs: aws/aws-sdk-ruby#3322 "The CRC32 you specified did not match the calculated checksum"]
  badChecksum: (algorithm: string) => new S3Error('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`, 400),
  // [doc: error list, BadDigest / InvalidDigest]
  badContentMd5: () => new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400),
  invalidContentMd5: () => new S3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400),
  // [doc: error list, IncompleteBody]
  incompleteBody: () => new S3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.', 400),
  invalidRequest: (message: string) => new S3Error('InvalidRequest', message, 400),
  // [doc: S3-API "Error responses": AuthorizationHeaderMalformed 400; messages obs: "the region 'eu-north-1' is wrong;
  // expecting 'us-east-1'" with <Region>us-east-1</Region>, microsoft/azure-pipelines-terraform#159; altinity/clickhouse-backup#15]
  authorizationHeaderMalformed: (sent: string, expected: string) =>
    new S3Error('AuthorizationHeaderMalformed', `The authorization header is malformed; the region '${sent}' is wrong; expecting '${expected}'`, 400, {
      Region: expected,
    }),
  malformedAuthorization: (what: string) => new S3Error('AuthorizationHeaderMalformed', `The authorization header is malformed; ${what}`, 400),
  // [doc: S3-API "Error responses": RequestTimeTooSkewed 403; message and elements obs: RequestTime, ServerTime in a boto
  // S3ResponseError (gist ryanmr/57ab14bd87ab4be7079f), "An error occurred (RequestTimeTooSkewed) … The difference between
  // the request time and the current time is too large." (aws/aws-cli#8662); MaxAllowedSkewMilliseconds 900000 [obs: a
  // pasted S3 error body; inferred for AWS]]
  requestTimeTooSkewed: (requestTime: string, serverTime: Date) =>
    new S3Error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403, {
      RequestTime: requestTime,
      ServerTime: serverTime.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      MaxAllowedSkewMilliseconds: '900000',
    }),
  // [doc: error list] The message names what the emulator does not model.
  notImplemented: (what: string) => new S3Error('NotImplemented', `A header you provided implies functionality that is not implemented: ${what} is not modelled by the idchain reference emulator.`, 501),
  // [doc: error list, 405]
  methodNotAllowed: () => new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405),
};
