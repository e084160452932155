#!/usr/bin/env bash
# Prints the hash of a cache admin password, for tiercache.admin.password-hash or an entry of tiercache.admin.users,
# in the format of Jakarta Security's Pbkdf2PasswordHash: PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>.
# The password is read from standard input (one line), or prompted for twice on a terminal. Needs python3.
#
#   scripts/admin-password-hash.sh                   (prompts)
#   printf '%s\n' "$PASSWORD" | scripts/admin-password-hash.sh
set -euo pipefail

ITERATIONS="${ITERATIONS:-210000}"

python3 -c '
import base64, getpass, hashlib, os, sys
iterations = int(sys.argv[1])
if sys.stdin.isatty():
    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Again: "):
        sys.exit("The passwords differ")
else:
    password = sys.stdin.readline().rstrip("\n")
if not password:
    sys.exit("Empty password")
salt = os.urandom(32)
digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, 32)
b64 = lambda b: base64.b64encode(b).decode("ascii")
print("PBKDF2WithHmacSHA256:%d:%s:%s" % (iterations, b64(salt), b64(digest)))
' "$ITERATIONS"
