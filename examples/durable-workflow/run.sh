#!/usr/bin/env bash
# examples/durable-workflow/run.sh: drives the order workflow through seven separate host processes
# (start, a failed payment, the retry's timer, the payment, the cooling-off timer, shipping, delivery),
# each restoring the VM from the SQLite database and saving it back, and checks the outcome.
# Prints each step and, last, "N passed, N failed" (tests/run-all.sh runs it as "durable-workflow").
#   bash examples/durable-workflow/run.sh [HOST-BINARY]   (default: build/durable_host)
set -u -o pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
host="${1:-$repo/build/durable_host}"
if [[ ! -x "$host" ]]; then
    echo "run.sh: $host is not built (it needs libsqlite3-dev: apt-get install libsqlite3-dev)"
    echo "0 passed, 1 failed"
    exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/workflow.db"
passed=0
failed=0

check() { # NAME CONDITION-STATUS
    if [[ $2 -eq 0 ]]; then
        passed=$((passed + 1))
        echo "  ok: $1"
    else
        failed=$((failed + 1))
        echo "  FAILED: $1"
    fi
}

# step EXPECTED-OUTPUT-REGEX ARGS...: one process; it must succeed and print a line matching the regex.
step() {
    local expect="$1"
    shift
    echo "\$ host workflow.db $*"
    local out status
    out="$("$host" "$db" "$@" 2>&1)"
    status=$?
    echo "$out" | sed 's/^/    /'
    [[ $status -eq 0 ]] && echo "$out" | grep -qE "$expect"
    check "$* -> /$expect/" $?
}

step 'outbox: request 1: payment \{"order":"A-1001","amount":65\}' start "$here/workflow.js"
step 'request 1 \(payment\) failed' fail payment "card declined"
step 'outbox: request 2: payment' wait
step 'next timer in [0-9]+ ms' deliver payment '{"ref":"PAY-77","amount":65}'
step 'outbox: request 3: shipping \{"order":"A-1001","address":"1 Main St"\}' wait
step 'next timer in [0-9]+ ms' deliver shipping '{"carrier":"Parcel Co","tracking":"PC-123"}'
step '^saved: [0-9]+ bytes$' wait

# An event nobody waits for is refused, and the database is left as it was.
echo "\$ host workflow.db deliver shipping '{}'   (nothing is waiting: refused)"
"$host" "$db" deliver shipping '{}' > "$work/refused.txt" 2>&1
status=$?
sed 's/^/    /' "$work/refused.txt"
[[ $status -ne 0 ]] && grep -q "no pending 'shipping' request" "$work/refused.txt"
check "a delivery without a pending request is refused" $?

echo "\$ host workflow.db status"
"$host" "$db" status > "$work/status.txt" 2>&1
status=$?
sed 's/^/    /' "$work/status.txt"
check "status runs" $status
expected='{"journal":["order A-1001: 2 items, total 65","payment attempt 1 failed: card declined","paid 65 (PAY-77)","cooling-off period over","shipped with Parcel Co, tracking PC-123","delivered","workflow finished"],"result":{"order":"A-1001","status":"delivered","paid":65,"tracking":"PC-123"}}'
[[ "$(head -n 1 "$work/status.txt")" == "$expected" ]]
check "the journal and the result are exactly the expected ones" $?
grep -q '^snapshots: 7 saved' "$work/status.txt"
check "seven snapshots saved (the refused step saved none)" $?
! grep -q '^waiting for:' "$work/status.txt"
check "no request is left pending" $?

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
