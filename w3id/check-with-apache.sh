#!/usr/bin/env bash
# Runs w3id/china-ai-kg/.htaccess in a real Apache httpd (Debian's apache2, mod_rewrite) on loopback, as
# w3id.org would, and checks each redirect. Optional, not in CI: needs `apt-get install -y apache2`.
#   w3id/check-with-apache.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
HTTPD=/usr/sbin/apache2
MODS=/usr/lib/apache2/modules
[ -x "$HTTPD" ] || { echo "no $HTTPD: apt-get install -y apache2" >&2; exit 2; }
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
DIR="$(mktemp -d)"
trap '[ -f "$DIR/httpd.pid" ] && kill "$(cat "$DIR/httpd.pid")" 2>/dev/null; sleep 0.3; rm -rf "$DIR"' EXIT
mkdir -p "$DIR/www/china-ai-kg"
cp "$HERE/china-ai-kg/.htaccess" "$DIR/www/china-ai-kg/.htaccess"
cat > "$DIR/httpd.conf" <<CONF
ServerRoot "$DIR"
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile "$DIR/httpd.pid"
ErrorLog "$DIR/error.log"
LoadModule mpm_event_module $MODS/mod_mpm_event.so
LoadModule authz_core_module $MODS/mod_authz_core.so
LoadModule rewrite_module $MODS/mod_rewrite.so
LoadModule dir_module $MODS/mod_dir.so
DocumentRoot "$DIR/www"
<Directory "$DIR/www">
  AllowOverride All
  Require all granted
</Directory>
CONF
$HTTPD -f "$DIR/httpd.conf" -k start
for i in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
KG="$(sed -n 's/.*\[E=KG:\([^]]*\)\].*/\1/p' "$HERE/china-ai-kg/.htaccess")"
BROWSER='text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
FAILED=0
check() { # path accept expected-location
  local got
  got="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Accept: $2" "http://127.0.0.1:$PORT/china-ai-kg/$1")"
  if [ "$got" = "303 $3" ]; then echo "ok   /china-ai-kg/$1 [$2] -> $3"; else echo "FAIL /china-ai-kg/$1 [$2]: $got, not 303 $3"; FAILED=1; fi
}
check "id/org/baidu" "text/turtle" "$KG/id/org/baidu"
check "id/org/baidu" "application/ld+json" "$KG/id/org/baidu"
check "id/org/baidu" "application/n-quads,text/turtle;q=0.6,text/html;q=0.2" "$KG/id/org/baidu"
check "id/org/baidu" "$BROWSER" "$KG/id/org/baidu.html"
check "id/org/baidu" "*/*" "$KG/id/org/baidu"
check "id/org/baidu.ttl" "$BROWSER" "$KG/id/org/baidu.ttl"
check "ontology" "text/turtle" "$KG/ontology"
check "ontology" "$BROWSER" "$KG/ontology.html"
check "ontology.rdf" "*/*" "$KG/ontology.rdf"
check "graph/entities/companies" "text/turtle" "$KG/kg/get?graph=https://w3id.org/china-ai-kg/graph/entities/companies"
check "" "$BROWSER" "$KG/"
[ "$FAILED" = 0 ] && echo "== the rules redirect as the test interpreter says" || { echo "== FAILURES; $DIR/error.log:"; cat "$DIR/error.log"; }
exit "$FAILED"
