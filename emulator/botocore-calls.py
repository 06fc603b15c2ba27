"""Calls the reference emulator the way boto3 / the AWS CLI do, for security.test.ts.

botocore signs these services without an x-amz-content-sha256 header, so the
emulator must hash the body itself. Prints one JSON object: per call, either
{"ok": value} or {"error": {"code", "message", "status"}}. The emulator's URL,
region and keys come from the environment; nothing is written to disk.
"""
import datetime
import json
import os

import boto3
import botocore.auth
import botocore.exceptions
from botocore.config import Config

URL = os.environ["EMULATOR_URL"]
REGION = os.environ["EMULATOR_REGION"]
CONFIG = Config(retries={"total_max_attempts": 1})
TRUST = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
out = {}


def client(name):
    return boto3.client(
        name,
        endpoint_url=URL,
        region_name=REGION,
        aws_access_key_id=os.environ["EMULATOR_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["EMULATOR_SECRET_ACCESS_KEY"],
        config=CONFIG,
    )


def attempt(label, call):
    try:
        out[label] = {"ok": call()}
    except botocore.exceptions.ClientError as e:
        err = e.response["Error"]
        out[label] = {"error": {"code": err["Code"], "message": err["Message"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}}


def replay_with(old, new):
    """After signing, put another body of the same length in the request, as a replay would."""

    def handler(request, **_):
        body = request.body if isinstance(request.body, bytes) else request.body.encode()
        assert len(old) == len(new) and old in body, body
        request.body = body.replace(old, new)

    return handler


attempt("GetCallerIdentity", lambda: client("sts").get_caller_identity()["Arn"])
iam = client("iam")
attempt("CreateRole", lambda: iam.create_role(RoleName="boto-role", AssumeRolePolicyDocument=json.dumps(TRUST))["Role"]["Arn"])
attempt("GetRole", lambda: iam.get_role(RoleName="boto-role")["Role"]["RoleName"])
attempt("CreateUserPool", lambda: client("cognito-idp").create_user_pool(PoolName="boto-pool")["UserPool"]["Name"])
attempt("ListIdentityPools", lambda: client("cognito-identity").list_identity_pools(MaxResults=5)["IdentityPools"])

sts = client("sts")
sts.meta.events.register("before-send.sts.GetCallerIdentity", replay_with(b"Action=GetCallerIdentity&Version=2011-06-15", b"Version=2011-06-15&Action=GetCallerIdentity"))
attempt("ReplayedQueryBody", lambda: sts.get_caller_identity()["Arn"])
identity = client("cognito-identity")
identity.meta.events.register("before-send.cognito-identity.ListIdentityPools", replay_with(b'"MaxResults": 5', b'"MaxResults": 6'))
attempt("ReplayedJsonBody", lambda: identity.list_identity_pools(MaxResults=5)["IdentityPools"])

real_now = botocore.auth.get_current_datetime
botocore.auth.get_current_datetime = lambda *a, **k: real_now(*a, **k) - datetime.timedelta(minutes=20)
try:
    attempt("TwentyMinutesOld", lambda: client("sts").get_caller_identity()["Arn"])
finally:
    botocore.auth.get_current_datetime = real_now

print(json.dumps(out))
