"""A proof of work for the public form, as GlobaLeaks does it (security
reference VAL-06): the check page hands the browser a random challenge, the
browser searches for a number whose SHA-256 with the challenge starts with
enough zero bits, and sends it with the report. A person never notices (the
search runs while they read their answers); a script that sends thousands of
reports pays for each one in CPU time. Nothing goes to a third party.

The form must also work without JavaScript (Tor Browser's safest mode), so a
report without a proof is not refused outright: such reports share one
budget per municipality per hour (see ``reports.views.form``). A flood
without JavaScript exhausts that budget and no more; a person who meets the
exhausted budget keeps their answers and is told how else to reach the ADV.
"""

import hashlib
import secrets

from django.conf import settings

CHALLENGE_BYTES = 16
# A nonce is a decimal counter; a browser finds one long before 20 digits.
MAX_NONCE_LENGTH = 20


def new_challenge() -> str:
    return secrets.token_hex(CHALLENGE_BYTES)


def difficulty() -> int:
    """Leading zero bits asked for: 2**bits hashes on average. 17 bits
    (131,072 hashes) take a desktop browser about a second with its own
    SHA-256 and a phone a few, while the resident reads their answers; native code does it in tens of milliseconds,
    so this slows a flood down, it does not stop one. The rate limits and
    the budget for reports without a proof do that."""
    return int(settings.REPORT_PROOF_OF_WORK_BITS)


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def digest(challenge: str, nonce: str) -> bytes:
    # The browser hashes exactly this string (reports/proof-of-work.js).
    return hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()


def is_solved(challenge: str, nonce: str, bits: int) -> bool:
    """True when ``nonce`` is a proof for ``challenge`` at ``bits``.
    Anything that is not a short decimal number is no proof."""
    if not challenge or not nonce or len(nonce) > MAX_NONCE_LENGTH or not nonce.isascii() or not nonce.isdigit():
        return False
    return leading_zero_bits(digest(challenge, nonce)) >= bits


def solve(challenge: str, bits: int) -> str:
    """What the browser does, for tests and the benchmark's scripted
    resident."""
    nonce = 0
    while not is_solved(challenge, str(nonce), bits):
        nonce += 1
    return str(nonce)
