"""Seeds a moto server with EBS volumes and instances: an unencrypted volume and an IMDSv1 instance, with hardened twins (tests only).

Usage: python3 seed_ebs.py ENDPOINT_URL [--scale N]
Prints one JSON object with the ids.
"""
import json
import sys

import boto3

endpoint = sys.argv[1]
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
ec2 = boto3.client("ec2", **kw)
boto3.client("iam", **kw).create_user(UserName="deploy")  # a credential report with a row, as a real account has

out = {
    "plain_volume": ec2.create_volume(AvailabilityZone="us-east-1a", Size=10)["VolumeId"],
    "encrypted_volume": ec2.create_volume(AvailabilityZone="us-east-1a", Size=10, Encrypted=True)["VolumeId"],
}
ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
out["imdsv1_instance"] = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                                           MetadataOptions={"HttpTokens": "optional"})["Instances"][0]["InstanceId"]
out["imdsv2_instance"] = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType="t3.micro",
                                           MetadataOptions={"HttpTokens": "required", "HttpEndpoint": "enabled"})["Instances"][0]["InstanceId"]
print(json.dumps(out))
