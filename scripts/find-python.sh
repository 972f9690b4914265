#!/usr/bin/env bash
# Prints the path of a Python >= 3.12: first from PATH, then from pyenv. Fails with advice.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
for name in python3.13 python3.12 python3 python; do
  p=$(command -v "$name" 2>/dev/null) || continue
  if ok "$p"; then echo "$p"; exit 0; fi
done
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9]|[2-9][0-9])(\.|$)' | sort -rV); do
    p="$(pyenv prefix "$v" 2>/dev/null)/bin/python"
    if [ -x "$p" ] && ok "$p"; then echo "$p"; exit 0; fi
  done
fi
echo "Python 3.12 atau lebih baru tidak ditemukan (Python >= 3.12 is required)." >&2
echo "Pasang salah satunya, mis. 'pyenv install 3.12' atau paket python3.12 distribusi Anda, lalu ulangi." >&2
exit 1
