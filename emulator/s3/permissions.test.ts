// S3's ARNs carry the partition of the emulator's Region and neither Region
// nor account: `arn:aws:s3:::bucket`, `arn:aws-cn:s3:::bucket/key` [doc: AWS
// General Reference "Amazon Resource Names (ARNs)": partitions aws, aws-cn,
// aws-us-gov; Service Authorization Reference, Amazon S3 resource types]. A
// bucket policy must name this bucket in this partition.
import { checkBucketPolicy } from './bucket-policy-check';
import { bucketArn, objectArn } from './permissions';

test.each([
  ['us-east-1', 'arn:aws:s3:::docs', 'arn:aws:s3:::docs/a/b'],
  ['eu-south-1', 'arn:aws:s3:::docs', 'arn:aws:s3:::docs/a/b'],
  ['cn-north-1', 'arn:aws-cn:s3:::docs', 'arn:aws-cn:s3:::docs/a/b'],
  ['us-gov-west-1', 'arn:aws-us-gov:s3:::docs', 'arn:aws-us-gov:s3:::docs/a/b'],
])('in %s a bucket is %s and its object %s', (region, bucket, object) => {
  expect(bucketArn(region, 'docs')).toBe(bucket);
  expect(objectArn(region, 'docs', 'a/b')).toBe(object);
});

describe('a bucket policy in the aws-cn partition', () => {
  const target = { name: 'docs', arn: 'arn:aws-cn:s3:::docs', partition: 'aws-cn' };
  const policy = (resource: string, principal: string) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: resource }] });
  const exists = () => true;

  test('names its own partition for the bucket and the principal', () => {
    expect(checkBucketPolicy(policy('arn:aws-cn:s3:::docs/*', 'arn:aws-cn:iam::123456789012:root'), target, exists).Statement).toHaveLength(1);
  });

  test('an aws-partition resource is "Policy has invalid resource"; an aws-partition principal is "Invalid principal in policy"', () => {
    expect(() => checkBucketPolicy(policy('arn:aws:s3:::docs/*', 'arn:aws-cn:iam::123456789012:root'), target, exists)).toThrow('Policy has invalid resource');
    expect(() => checkBucketPolicy(policy('arn:aws-cn:s3:::docs/*', 'arn:aws:iam::123456789012:root'), target, exists)).toThrow('Invalid principal in policy');
  });
});
