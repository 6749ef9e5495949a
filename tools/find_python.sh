#!/bin/sh
# Print the path of a Python interpreter of the given version (e.g. 3.9),
# looking on PATH and in pyenv; print nothing when there is none.
version="$1"
for candidate in "python$version" \
    "$(command -v pyenv >/dev/null 2>&1 && pyenv root)/versions/$version"*/bin/"python$version" \
    /usr/bin/"python$version" /usr/local/bin/"python$version"; do
    if [ -n "$candidate" ] && "$candidate" -c "import sys; assert sys.version_info[:2] == tuple(map(int, '$version'.split('.')))" >/dev/null 2>&1; then
        command -v "$candidate" 2>/dev/null || echo "$candidate"
        exit 0
    fi
done
exit 0
