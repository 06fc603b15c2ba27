"""boto3 against an emulator whose weather throttles one read per service after its
first call (throttle-test-support.ts), for weather-boto3.test.ts. Per service it
prints what botocore parsed from the throttled answer, whether botocore's own
throttling detector (standard retry mode) calls it throttling, and how many
times botocore retried it. The emulator's URL, region and keys come from the
environment; nothing is written to disk.
"""
import json
import os

import boto3
import botocore.exceptions
from botocore.config import Config
from botocore.retries import standard

URL = os.environ["EMULATOR_URL"]
REGION = os.environ["EMULATOR_REGION"]
# Standard mode, the AWS CLI v2's default: one retry is enough to show the classification.
CONFIG = Config(retries={"mode": "standard", "total_max_attempts": 2}, s3={"addressing_style": "path"})
CALLS = {
    "iam": ("ListRoles", lambda c: c.list_roles()),
    "sts": ("GetCallerIdentity", lambda c: c.get_caller_identity()),
    "cognito-idp": ("ListUserPools", lambda c: c.list_user_pools(MaxResults=1)),
    "cognito-identity": ("ListIdentityPools", lambda c: c.list_identity_pools(MaxResults=1)),
    "s3": ("ListBuckets", lambda c: c.list_buckets()),
}
detector = standard.ThrottlingErrorDetector(standard.RetryEventAdapter())
out = {}
for service, (operation, call) in CALLS.items():
    client = boto3.client(
        service,
        endpoint_url=URL,
        region_name=REGION,
        aws_access_key_id=os.environ["EMULATOR_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["EMULATOR_SECRET_ACCESS_KEY"],
        config=CONFIG,
    )
    call(client)
    try:
        call(client)
        out[service] = {"error": None}
    except botocore.exceptions.ClientError as e:
        context = standard.RetryContext(
            attempt_number=1,
            operation_model=client.meta.service_model.operation_model(operation),
            parsed_response=e.response,
        )
        out[service] = {
            "code": e.response["Error"]["Code"],
            "message": e.response["Error"]["Message"],
            "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
            "throttling": detector.is_throttling_error_from_context(context),
            "retries": e.response["ResponseMetadata"]["RetryAttempts"],
        }
print(json.dumps(out))
