# A known gap that is no longer a gap: Support/AnnotationsTests checks that the verifier asks to remove the mark.
INSTALLED_APPS = ["django.contrib.admin"]
DEBUG = True  # FN RDY1101
