"""A real SMTP server for the tests, run by the system interpreter (/usr/bin/python3, Debian's python3-aiosmtpd).

Usage: smtp_sink.py PORT FOLDER
Listens on 127.0.0.1:PORT. Every accepted message is written to FOLDER as msg-N.eml (the raw bytes) and msg-N.json
(what the standard library's MIME parser reads from it: subject, sender, recipients, text and HTML parts, attachments).
A recipient whose address starts with "reject" is refused with 550, as a server refusing a mailbox would.
"""
import email
import email.policy
import hashlib
import json
import os
import sys
import time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("reject"):
            return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, "msg-%d" % self.count)
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        attachments = []
        for part in message.iter_attachments():
            payload = part.get_payload(decode=True) or b""
            attachments.append({
                "filename": part.get_filename(),
                "contentType": part.get_content_type(),
                "sha256": hashlib.sha256(payload).hexdigest(),
            })
        summary = {
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "from": str(message["from"]),
            "to": str(message["to"]),
            "contentType": message.get_content_type(),
            "text": text.get_content() if text is not None else None,
            "html": html.get_content() if html is not None else None,
            "attachments": attachments,
            "messageIds": [str(v) for v in message.get_all("Message-ID") or []],
            "dates": [str(v) for v in message.get_all("Date") or []],
        }
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        # Written last and renamed into place: a test that sees the .json sees a complete message.
        with open(base + ".json.tmp", "w", encoding="utf-8") as f:
            json.dump(summary, f)
        os.replace(base + ".json.tmp", base + ".json")
        return "250 Message accepted for delivery"


def main():
    port = int(sys.argv[1])
    folder = sys.argv[2]
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("listening on 127.0.0.1:%d" % port, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
