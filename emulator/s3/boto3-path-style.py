"""boto3 against the idchain emulator's S3, path-style: create a bucket, put
and get an object, list it. Reads the endpoint and keys from the environment
(IDCHAIN_S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) and prints one
JSON line with what S3 answered, for s3-boto3.test.ts to check."""
import json
import os

import boto3
from botocore.config import Config

s3 = boto3.client(
    "s3",
    endpoint_url=os.environ["IDCHAIN_S3_ENDPOINT"],
    region_name="us-east-1",
    config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
)
s3.create_bucket(Bucket="idchain-boto3")
put = s3.put_object(Bucket="idchain-boto3", Key="greetings/hello world.txt", Body=b"hello from boto3")
got = s3.get_object(Bucket="idchain-boto3", Key="greetings/hello world.txt")
listed = s3.list_objects_v2(Bucket="idchain-boto3", Prefix="greetings/")
print(
    json.dumps(
        {
            "etag": put["ETag"],
            "checksumCrc32": put.get("ChecksumCRC32"),
            "body": got["Body"].read().decode(),
            "keys": [o["Key"] for o in listed.get("Contents", [])],
        }
    )
)
