import { bucketNameProblem } from './bucket-name';

// Each name below breaks one rule of S3 User Guide "General purpose bucket naming rules"
// (or follows them all); the examples are the page's own where it gives some.
test.each([
  ['docexamplebucket1', undefined],
  ['log-delivery-march-2020', undefined],
  ['my-hosted-content', undefined],
  ['www.docexamplebucket.com', undefined],
  ['abc', undefined],
  ['a'.repeat(63), undefined],
])('%s is a valid bucket name', (name, problem) => {
  expect(bucketNameProblem(name)).toBe(problem);
});

test.each([
  ['ab', 'must be 3 to 63 characters long'],
  ['a'.repeat(64), 'must be 3 to 63 characters long'],
  ['doc_example_bucket', 'may hold only lower-case letters, digits, periods and hyphens'],
  ['DocExampleBucket', 'may hold only lower-case letters, digits, periods and hyphens'],
  ['doc-example-bucket-', 'must begin and end with a letter or digit'],
  ['-bucket', 'must begin and end with a letter or digit'],
  ['my..bucket', 'must not hold two adjacent periods'],
  ['192.168.5.4', 'must not be formatted as an IP address'],
  ['xn--bucket', 'must not start with the reserved prefix xn--'],
  ['sthree-bucket', 'must not start with the reserved prefix sthree-'],
  ['amzn-s3-demo-bucket', 'must not start with the reserved prefix amzn-s3-demo-'],
  ['bucket-s3alias', 'must not end with the reserved suffix -s3alias'],
  ['bucket--ol-s3', 'must not end with the reserved suffix --ol-s3'],
  ['bucket.mrap', 'must not end with the reserved suffix .mrap'],
  ['bucket--x-s3', 'must not end with the reserved suffix --x-s3'],
  ['bucket--table-s3', 'must not end with the reserved suffix --table-s3'],
])('%s is refused: %s', (name, problem) => {
  expect(bucketNameProblem(name)).toBe(problem);
});
