# Annotations that are wrong on purpose: Support/AnnotationsTests checks that the verifier reports each of them.
INSTALLED_APPS = ["django.contrib.admin"]
DEBUG = True  # Noncompliant RDY1101 {{Not the message the rule writes.}}
ALLOWED_HOSTS = ["coco.example.com"]  # Noncompliant RDY1102
