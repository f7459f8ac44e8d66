#!/usr/bin/env bash
# std.urlGet through curl against a local HTTP server (python3 -m http.server): text, binary and
# full responses, a 404, and a refused connection.
set -u
command -v curl > /dev/null && command -v python3 > /dev/null || { echo "curl or python3 missing: skipped"; exit 0; }
fail() { echo "FAIL: $*"; exit 1; }
cd "$TEST_TMP" || exit 1
mkdir -p www
printf 'hello over http\n' > www/page.txt
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory www > server.log 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null' EXIT
for _ in $(seq 50); do
    curl -s "http://127.0.0.1:$port/page.txt" > /dev/null && break
    sleep 0.1
done
cat > get.js << JS
import * as std from "std";
const base = "http://127.0.0.1:$port/";
const text = std.urlGet(base + "page.txt");
if (text !== "hello over http\n") throw new Error("text: " + JSON.stringify(text));
const bin = std.urlGet(base + "page.txt", { binary: true });
if (!(bin instanceof ArrayBuffer) || bin.byteLength !== 16) throw new Error("binary");
const full = std.urlGet(base + "page.txt", { full: true });
if (full.status !== 200 || full.response !== text || !/content-length: 16/i.test(full.responseHeaders))
    throw new Error("full: " + JSON.stringify(full));
if (std.urlGet(base + "missing.txt") !== null) throw new Error("404 gives null");
if (std.urlGet(base + "missing.txt", { full: true }).status !== 404) throw new Error("404 status");
if (std.urlGet("http://127.0.0.1:1/") !== null) throw new Error("refused gives null");
print("urlGet ok");
JS
out="$("$QJS" get.js 2>&1)"
[[ "$out" == "urlGet ok" ]] || fail "$out"
