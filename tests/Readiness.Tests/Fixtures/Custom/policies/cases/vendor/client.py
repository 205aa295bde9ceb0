# Third-party code, allowlisted by path for ORG-001.
DEFAULT_KEY = "orgdk_Vn5Hq2Rt8Lw3Xk7Pz1Mc4Jd9"
