import os

DEPLOY_KEY = "orgdk_P4s9Xw2Lq7Zr1Tk8Mv3Nc6Jb"  # Noncompliant ORG-001
TEST_KEY = "orgdk_TESTx8Lm2Xv7Rt4Np1Kc9Wd3"  # allowlisted by value
REGION = os.environ.get("REGION", "eu-west-1")
