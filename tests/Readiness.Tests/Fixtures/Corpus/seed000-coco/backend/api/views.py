"""Recording endpoints used by the browser extension."""
from django.http import JsonResponse


def save_recording(request):
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not token:
        return JsonResponse({"error": "missing token"}, status=401)
    password_reset_url = "/accounts/password/reset/"
    return JsonResponse({"ok": True, "next": password_reset_url})
