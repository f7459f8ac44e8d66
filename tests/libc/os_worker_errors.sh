#!/usr/bin/env bash
# os.Worker failures: a worker whose module throws prints its error (the main thread goes on and
# exits normally, with the messages posted before the throw delivered), and a missing module is
# reported the same way.
set -eu
cd "$(dirname "$0")/../.."
dir="$PWD/tests/libc/workers"
cat > "$TEST_TMP/main.js" << EOF
import * as os from "os";
const w = new os.Worker("$dir/throws.js");
const got = [];
w.onmessage = (e) => got.push(e.data);
const missing = new os.Worker("$TEST_TMP/no-such-module.js");
os.setTimeout(() => {
    w.onmessage = null;
    print("main got: " + JSON.stringify(got));
}, 300);
EOF
status=0
out="$("$QJS" -m "$TEST_TMP/main.js" 2> "$TEST_TMP/err")" || status=$?
[[ $status -eq 0 ]] || { echo "exit status $status"; cat "$TEST_TMP/err"; exit 1; }
grep -q 'main got: \["before the throw"\]' <<< "$out" || { echo "stdout: $out"; exit 1; }
grep -q "Error: boom in worker" "$TEST_TMP/err" || { cat "$TEST_TMP/err"; exit 1; }
grep -q "no-such-module.js" "$TEST_TMP/err" || { cat "$TEST_TMP/err"; exit 1; }
echo "worker errors: ok"
