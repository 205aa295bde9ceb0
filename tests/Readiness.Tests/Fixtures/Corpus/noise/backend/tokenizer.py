"""A tiny expression tokenizer: 'token' and 'secret' here are parser words, not credentials."""
import re

TOKEN_SPEC = [("NUMBER", r"\d+(\.\d*)?"), ("NAME", r"[A-Za-z_]\w*"), ("OP", r"[+\-*/()]")]
token_re = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in TOKEN_SPEC))


def tokens(text):
    for m in token_re.finditer(text):
        token = m.lastgroup
        value = m.group()
        yield token, value


secret_word = "abracadabra"
password_prompt = "Enter the password: "
token_type = "bearer"
next_page_token = "CgwI8M3JqgYQgPzGtQE"
DEFAULT_TOKEN = "EOF"
