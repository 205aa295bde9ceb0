"""Local targets for the side-by-side with the MDN HTTP Observatory (bench/http/observatory.sh), one header case per path.

Usage: targets.py HTTPS_PORT HTTP_PORT CERT KEY. HTTPS on 127.0.0.1:HTTPS_PORT serves each case at its path; plain HTTP on
HTTP_PORT redirects every path to it.
"""
import http.server, ssl, threading
import sys
HTTPS, HTTP, CERT, KEY = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
BASE = {"Strict-Transport-Security": "max-age=63072000; includeSubDomains", "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; script-src 'self'; frame-ancestors 'none'", "Content-Type": "text/html; charset=utf-8"}
PAGE = "<!doctype html><html><head><title>t</title></head><body>hi</body></html>"
V = {
 "/hardened/": ({**BASE, "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload", "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer", "Permissions-Policy": "camera=(), microphone=(), geolocation=()", "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Resource-Policy": "same-origin"}, PAGE, []),
 "/bare/": ({"Content-Type": "text/html"}, PAGE, []),
 "/hsts-six-months/": ({**BASE, "Strict-Transport-Security": "max-age=15552000"}, PAGE, []),
 "/hsts-short/": ({**BASE, "Strict-Transport-Security": "max-age=86400"}, PAGE, []),
 "/csp-strict-dynamic/": ({**BASE, "Content-Security-Policy": "script-src 'nonce-abc123' 'strict-dynamic' 'unsafe-inline' https:; object-src 'none'; base-uri 'none'"}, PAGE, []),
 "/csp-no-object-src/": ({**BASE, "Content-Security-Policy": "script-src 'self'"}, PAGE, []),
 "/csp-unsafe-eval/": ({**BASE, "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-eval'"}, PAGE, []),
 "/referrer-downgrade/": ({**BASE, "Referrer-Policy": "no-referrer-when-downgrade"}, PAGE, []),
 "/cookie-no-flags/": (BASE, PAGE, ["sessionid=abc123; Path=/"]),
 "/cookie-no-httponly/": (BASE, PAGE, ["sessionid=abc123; Path=/; Secure; SameSite=Lax"]),
 "/sri-missing/": (BASE, "<!doctype html><html><head><script src=\"https://cdn.other-site.example/lib.js\"></script></head><body>hi</body></html>", []),
 "/xfo-sameorigin-corp-cross/": ({"Content-Type": "text/html", "X-Frame-Options": "SAMEORIGIN", "Cross-Origin-Resource-Policy": "cross-origin", "X-Content-Type-Options": "nosniff"}, PAGE, []),
 "/meta-csp/": ({k: v for k, v in BASE.items() if k != "Content-Security-Policy"}, "<!doctype html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'\"></head><body>hi</body></html>", []),
}
class S(http.server.BaseHTTPRequestHandler):
    server_version = "web"; sys_version = ""
    def answer(self, code):
        path = self.path.split("?")[0]
        headers, body, cookies = V.get(path, ({"Content-Type": "text/html"}, "<html><body>Not found</body></html>", []))
        if path not in V: code = 404
        b = body.encode(); self.send_response(code)
        for k, v in headers.items(): self.send_header(k, v)
        for c in cookies: self.send_header("Set-Cookie", c)
        self.send_header("Content-Length", str(len(b))); self.end_headers()
        if self.command not in ("HEAD",): self.wfile.write(b)
    def do_GET(self): self.answer(200)
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.answer(400)
    def do_OPTIONS(self): self.answer(405)
    def do_TRACE(self): self.answer(405)
    def log_message(self, *a): pass
class R(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(301); self.send_header("Location", f"https://127.0.0.1:{HTTPS}{self.path}"); self.send_header("Content-Length","0"); self.end_headers()
    def log_message(self, *a): pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", HTTPS), S)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.minimum_version = ssl.TLSVersion.TLSv1_2; ctx.load_cert_chain(CERT, KEY)
# The handshake in the handler thread, not in accept(): a slow or legacy-TLS client must not stall the others.
s.socket = ctx.wrap_socket(s.socket, server_side=True, do_handshake_on_connect=False)
threading.Thread(target=http.server.ThreadingHTTPServer(("127.0.0.1", HTTP), R).serve_forever, daemon=True).start()
s.serve_forever()
