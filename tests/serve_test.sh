#!/usr/bin/env bash
# `sshdiag serve` over real HTTP on 127.0.0.1 (curl): the URL it prints for
# port 0, the API's answers against the command line's, the body limit on
# both sides for every body type (text, form type, JSON, chunked), an HTML
# form's fields, the Japanese page and catalogue against the catalogue's
# English labels, the same answers to concurrent requests, and the errors of
# --listen (a taken port, a malformed address) and the warning for a
# non-loopback address.
# Usage: serve_test.sh SSHDIAG SOURCE_DIR. Stops only the servers it started.
set -uo pipefail
sshdiag=$1
src=$2
log=$src/corpus/lab/openssh-9.2/ipqos-reset.log
work=$(mktemp -d /tmp/sshdiag-serve.XXXXXX)
source "$(dirname "$0")/serve_support.sh"

# start NAME ARGS...: starts sshdiag serve ARGS in the background; waits (10 s at
# most) for the URL line on its standard output; sets $url ("" if none).
start() { start_server "$1" "$sshdiag" serve "${@:2}"; }

start main --listen 127.0.0.1:0
[[ $url =~ ^http://127\.0\.0\.1:[0-9]+/$ ]] && ok "port 0: the URL printed is $url" || { bad "no URL: $(cat "$work/main.err")"; exit 1; }
[[ ! -s $work/main.err ]] && ok "on loopback: no warning" || bad "unexpected stderr: $(cat "$work/main.err")"
port=${url##*:}; port=${port%/}

headers=$(curl -s -D - -o "$work/page.html" --max-time 10 "$url")
grep -q "^HTTP/1.1 200" <<<"$headers" && grep -q "<title[^>]*>sshdiag" "$work/page.html" && ok "GET / serves the page" || bad "GET /: $headers"
grep -qi "^Content-Security-Policy: default-src 'none'" <<<"$headers" && ok "with a Content-Security-Policy" || bad "no CSP: $headers"

NO_COLOR= LANG=C "$sshdiag" --format json --lang en < "$log" > "$work/cli.json"
NO_COLOR= LANG=C "$sshdiag" --format markdown --lang en < "$log" > "$work/cli.md"
curl -s --max-time 30 -H 'Content-Type: text/plain' --data-binary @"$log" "${url}api/v1/diagnose" > "$work/api.json"
cmp -s "$work/cli.json" "$work/api.json" && ok "POST /api/v1/diagnose (text) = sshdiag --format json" || bad "the API's JSON differs: $(diff "$work/cli.json" "$work/api.json" | head)"
python3 -c 'import json,sys; print(json.dumps({"log": open(sys.argv[1]).read(), "lang": "en"}))' "$log" > "$work/request.json"
curl -s --max-time 30 -H 'Content-Type: application/json' --data-binary @"$work/request.json" "${url}api/v1/markdown" > "$work/api.md"
cmp -s "$work/cli.md" "$work/api.md" && ok "POST /api/v1/markdown (JSON) = sshdiag --format markdown" || bad "the API's Markdown differs"

# Eight requests at once get the answer one gets alone.
for i in $(seq 8); do
  curl -s --max-time 60 -H 'Content-Type: text/plain' --data-binary @"$log" "${url}api/v1/diagnose" > "$work/concurrent.$i" &
done
wait_curls=0
for job in $(jobs -p); do
  [[ " ${pids[*]} " == *" $job "* ]] || wait "$job" || wait_curls=$((wait_curls + 1))
done
same=0
for i in $(seq 8); do cmp -s "$work/cli.json" "$work/concurrent.$i" && same=$((same + 1)); done
[[ $same == 8 && $wait_curls == 0 ]] && ok "8 concurrent requests: 8 right answers" || bad "concurrent: $same of 8 right"

# The limit: 8 MiB and one byte is refused with 413 before analysis, 8 MiB is not.
head -c $((8 * 1024 * 1024 + 1)) /dev/zero | tr '\0' 'x' > "$work/big"
code=$(curl -s -o "$work/big.out" -w '%{http_code}' --max-time 30 -H 'Content-Type: text/plain' --data-binary @"$work/big" "${url}api/v1/diagnose")
[[ $code == 413 ]] && ok "a body over 8 MiB: 413 ($(cat "$work/big.out"))" || bad "a body over 8 MiB: HTTP $code"
truncate -s $((8 * 1024 * 1024)) "$work/big"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 -H 'Content-Type: text/plain' --data-binary @"$work/big" "${url}api/v1/diagnose")
[[ $code == 200 ]] && ok "a body of 8 MiB: 200" || bad "a body of 8 MiB: HTTP $code"
# The form type (curl's default for --data-binary, an HTML form's): read whole up to the same bound.
# cpp-httplib's own reading of such a body stops at 8 KiB; the IPQoS log is 9.9 KB, real -vvv logs 40-400 KB.
[[ $(stat -c %s "$log") -gt 8192 ]] || bad "the IPQoS log is no longer over 8 KiB"
curl -s --max-time 30 --data-binary @"$log" "${url}api/v1/diagnose" > "$work/form.json"
cmp -s "$work/cli.json" "$work/form.json" && ok "curl --data-binary (form type, $(stat -c %s "$log") bytes) = sshdiag --format json" || bad "form-type body: $(head -c 300 "$work/form.json")"
big_log=$src/corpus/lab/openssh-9.2/publickey-not-authorized.sshd.debug3.log
NO_COLOR= LANG=C "$sshdiag" --format json --lang ja < "$big_log" > "$work/cli-big-ja.json"
curl -s --max-time 30 --data-urlencode "log@$big_log" -d lang=ja "${url}api/v1/diagnose" > "$work/form-big-ja.json"
cmp -s "$work/cli-big-ja.json" "$work/form-big-ja.json" && ok "an HTML form's fields (log of $(stat -c %s "$big_log") bytes, lang=ja) = sshdiag --format json --lang ja" || bad "form fields: $(head -c 300 "$work/form-big-ja.json")"
# Both sides of the bound, as a form-type body and as a JSON body: 8 MiB is served, one byte more is 413.
limit=$((8 * 1024 * 1024))
head -c $limit /dev/zero | tr '\0' 'x' > "$work/form-at"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 --data-binary @"$work/form-at" "${url}api/v1/diagnose")
[[ $code == 200 ]] && ok "a form-type body of 8 MiB: 200" || bad "a form-type body of 8 MiB: HTTP $code"
printf x >> "$work/form-at"
code=$(curl -s -o "$work/form-over.out" -w '%{http_code}' --max-time 60 --data-binary @"$work/form-at" "${url}api/v1/diagnose")
python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["error"]; sys.exit(0 if "larger than 8388608 bytes" in e else 1)' "$work/form-over.out" 2>/dev/null &&
  [[ $code == 413 ]] && ok "a form-type body of 8 MiB + 1: 413, $(cat "$work/form-over.out")" || bad "a form-type body over 8 MiB: HTTP $code $(head -c 200 "$work/form-over.out")"
python3 -c 'import sys; n=int(sys.argv[1]); pad=n-len("{\"log\": \"\"}"); sys.stdout.write("{\"log\": \"" + "x"*pad + "\"}")' $limit > "$work/json-at"
[[ $(stat -c %s "$work/json-at") == $limit ]] || bad "the JSON body is not 8 MiB"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' --data-binary @"$work/json-at" "${url}api/v1/markdown")
[[ $code == 200 ]] && ok "a JSON body of 8 MiB: 200" || bad "a JSON body of 8 MiB: HTTP $code"
python3 -c 'import sys; n=int(sys.argv[1]); pad=n-len("{\"log\": \"\"}"); sys.stdout.write("{\"log\": \"" + "x"*pad + "\"}")' $((limit + 1)) > "$work/json-over"
code=$(curl -s -o "$work/json-over.out" -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' --data-binary @"$work/json-over" "${url}api/v1/markdown")
[[ $code == 413 ]] && grep -q '"error": *"the request is larger than 8388608 bytes' "$work/json-over.out" && ok "a JSON body of 8 MiB + 1: 413 with the reason" || bad "a JSON body over 8 MiB: HTTP $code $(head -c 200 "$work/json-over.out")"
code=$(curl -s -o "$work/chunked.out" -w '%{http_code}' --max-time 60 -H 'Transfer-Encoding: chunked' -H 'Content-Type: text/plain' --data-binary @"$work/form-at" "${url}api/v1/diagnose")
[[ $code == 413 ]] && grep -q 'larger than 8388608' "$work/chunked.out" && ok "a chunked body of 8 MiB + 1 (no Content-Length): 413" || bad "a chunked body over 8 MiB: HTTP $code $(head -c 200 "$work/chunked.out")"
code=$(curl -s -o "$work/multipart.out" -w '%{http_code}' --max-time 30 -F "log=@$log" "${url}api/v1/diagnose")
[[ $code == 415 ]] && grep -q 'text/plain' "$work/multipart.out" && ok "multipart/form-data: 415 naming the types that work" || bad "multipart: HTTP $code $(cat "$work/multipart.out")"

# The page in Japanese holds none of the catalogue's English labels (the catalogue as the server
# serves it, GET /api/v1/messages?lang=en: not a hand list), and English holds them.
curl -s --max-time 10 "${url}api/v1/messages?lang=en" > "$work/messages-en.json"
curl -s --max-time 10 "${url}api/v1/messages?lang=ja" > "$work/messages-ja.json"
curl -s --max-time 10 -H 'Accept-Language: ja-JP,ja;q=0.9,en;q=0.8' "$url" > "$work/page-ja.html"
curl -s --max-time 10 "${url}?lang=ja" > "$work/page-ja-query.html"
curl -s --max-time 10 -H 'Accept-Language: en' "$url" > "$work/page-en.html"
cmp -s "$work/page-ja.html" "$work/page-ja-query.html" && ok "Accept-Language: ja and ?lang=ja serve the same page" || bad "Accept-Language and ?lang= differ"
if python3 - "$work" <<'PY'; then ok "the Japanese page and catalogue hold no English label of the catalogue"; else bad "English labels in the Japanese page"; fi
import html.parser, json, re, sys
work = sys.argv[1]
en = json.load(open(work + "/messages-en.json"))["messages"]
ja = json.load(open(work + "/messages-ja.json"))["messages"]
assert en.keys() == ja.keys(), "the languages have different keys"
labels = []
for key, text in en.items():
    if text == ja[key]:
        continue
    text = text.strip(" :().")
    if sum(c.isalpha() for c in text) >= 3:
        labels.append(text)
assert len(labels) > 80, "only %d labels" % len(labels)

class Visible(html.parser.HTMLParser):
    """The text a user reads: text nodes outside script and style, and aria-label, title, alt."""
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
        self.parts += [v for k, v in attrs if k in ("aria-label", "title", "alt") and v]
    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")
    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

def visible(path):
    p = Visible()
    p.feed(open(path, encoding="utf-8").read())
    return "\n".join(p.parts)

def english_in(text):
    for label in labels:
        for m in re.finditer(re.escape(label), text):
            before = text[m.start() - 1] if m.start() > 0 else " "
            after = text[m.end()] if m.end() < len(text) else " "
            if not (before.isalnum() or before in "_-/.") and not (after.isalnum() or after in "_-"):
                return label
    return None

page_ja, page_en = visible(work + "/page-ja.html"), visible(work + "/page-en.html")
found = english_in(page_ja) or english_in("\n".join(ja.values()))
if found:
    print("English label in Japanese: %r" % found, file=sys.stderr)
    sys.exit(1)
assert english_in(page_en), "the scan finds nothing in the English page: it would find nothing anywhere"
assert '<html lang="ja">' in open(work + "/page-ja.html", encoding="utf-8").read()
assert ja["page.diagnose"] in page_ja
print("scanned %d labels" % len(labels))
PY
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X PUT --data x "${url}api/v1/diagnose")
[[ $code == 405 ]] && ok "PUT /api/v1/diagnose: 405" || bad "PUT: HTTP $code"

# The port is taken: a clear error and exit 2.
"$sshdiag" serve --listen "127.0.0.1:$port" > "$work/taken.out" 2> "$work/taken.err" &
taken_pid=$!
for _ in $(seq 100); do kill -0 "$taken_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$taken_pid" 2>/dev/null; then
  kill "$taken_pid"; wait "$taken_pid"; bad "a second server on the same port kept running"
else
  wait "$taken_pid"; code=$?
  [[ $code == 2 ]] && grep -q "cannot listen on 127.0.0.1:$port: Address already in use" "$work/taken.err" &&
    ok "a taken port: exit 2, $(head -1 "$work/taken.err")" || bad "a taken port: exit $code, $(cat "$work/taken.err")"
fi
"$sshdiag" serve --listen 127.0.0.1:99999 > /dev/null 2> "$work/badport.err"; code=$?
[[ $code == 2 ]] && grep -q "65535" "$work/badport.err" && ok "a bad port: exit 2" || bad "a bad port: exit $code $(cat "$work/badport.err")"
"$sshdiag" serve --listen 127.0.0.1 > /dev/null 2> "$work/noport.err"; code=$?
[[ $code == 2 ]] && grep -q "ADDR:PORT" "$work/noport.err" && ok "no port: exit 2" || bad "no port: exit $code"

# Any address but loopback: a warning on stderr (it still serves).
start wide --listen 0.0.0.0:0
[[ -n $url ]] && grep -q "warning: serve: listening on 0.0.0.0, which other machines may reach" "$work/wide.err" &&
  ok "0.0.0.0: served with a warning" || bad "0.0.0.0: url '$url', stderr: $(cat "$work/wide.err")"

[[ $failures == 0 ]] && echo "serve_test: all passed" || echo "serve_test: $failures failed" >&2
exit $(( failures > 0 ))
