#!/usr/bin/env bash
# An example partner adapter without Java: bash + curl + sed (and awk for the cookie file). One-shot protocol
# (docs/adapter-protocol.md): one request as JSON on stdin, one JSON answer line on stdout; state (cookie jar,
# token, loginId) lives in the request's stateDir, so the operations of one scenario share it.
# No JavaScript engine: the auto-submit pages are scraped (form action + hidden inputs) and posted.
set -u
REQ=$(cat)

# --- reading the request (flat JSON written by the kit) --------------------------------------------------
unescape() { sed -e 's/\\"/"/g' -e 's/\\\//\//g' -e 's/\\\\/\\/g'; }
field() { printf '%s' "$REQ" | sed -nE 's/.*"'"$1"'":"(([^"\\]|\\.)*)".*/\1/p' | head -n 1 | unescape; }
number() { printf '%s' "$REQ" | sed -nE 's/.*"'"$1"'":(-?[0-9]+).*/\1/p' | head -n 1; }

OP=$(field operation)
FINESSE=$(field finesse)
CA=$(field caFile)
STATE=$(field stateDir)
NOW=$(number now)
DEADLINE=$(number deadlineSeconds)
RESOLVE=()
for entry in $(printf '%s' "$REQ" | sed -nE 's/.*"resolve":\[([^]]*)\].*/\1/p' | tr ',' ' ' | tr -d '"'); do
  RESOLVE+=(--resolve "$entry")
done
JAR="$STATE/cookies.txt"
VARS="$STATE/vars.sh"
CURL=(curl -sS --cacert "$CA" -b "$JAR" -c "$JAR" --max-time "${DEADLINE:-30}" "${RESOLVE[@]}")
# shellcheck disable=SC1090
[ -f "$VARS" ] && . "$VARS"
USERNAME=${USERNAME:-} PASSWORD=${PASSWORD:-} CARRIER=${CARRIER:-query} ACCESS=${ACCESS:-} REFRESH=${REFRESH:-}
EXPIRES=${EXPIRES:-0} USERID=${USERID:-} OBTAINED=${OBTAINED:-0} LOGINID=${LOGINID:-} DEPLOYMENT=${DEPLOYMENT:-}
AUTHWITH=${AUTHWITH:-}

save() {
  { for v in USERNAME PASSWORD CARRIER ACCESS REFRESH EXPIRES USERID OBTAINED LOGINID DEPLOYMENT AUTHWITH; do
      printf '%s=%q\n' "$v" "${!v}"; done; } > "$VARS"
}

# --- writing the answer ----------------------------------------------------------------------------------
jstr() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' | sed ':a;N;$!ba;s/\n/\\n/g' | tr -d '\r')"; }
token_json() {
  if [ -z "$ACCESS" ]; then printf 'null'; return; fi
  printf '{"accessToken":%s,"refreshToken":%s,"expiresIn":%s,"userId":%s,"obtainedAt":%s}' \
    "$(jstr "$ACCESS")" "$(jstr "$REFRESH")" "$EXPIRES" "$(jstr "$USERID")" "$OBTAINED"
}
answer() { save; printf '{%s"token":%s,"loginId":%s}\n' "$1" "$(token_json)" "$( [ -n "$LOGINID" ] && jstr "$LOGINID" || printf null)"; exit 0; }
fail() { answer "\"failure\":$(jstr "$1"),"; }

# --- HTTP ----------------------------------------------------------------------------------------------
urlenc() {
  local LC_ALL=C s=$1 out='' c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in [a-zA-Z0-9.~_-]) out+=$c ;; *) out+=$(printf '%%%02X' "'$c") ;; esac
  done
  printf '%s' "$out"
}
# fetch METHOD-ARGS... : body in $STATE/body; sets STATUS, EFFECTIVE, CTYPE
fetch() {
  local meta
  meta=$("${CURL[@]}" -o "$STATE/body" -w '%{http_code} %{url_effective} %{content_type}' "$@") || {
    STATUS=0 EFFECTIVE='' CTYPE=''; return 1; }
  STATUS=${meta%% *}; meta=${meta#* }; EFFECTIVE=${meta%% *}; CTYPE=${meta#* }
}
body() { cat "$STATE/body"; }
element() { body | tr '\n\r' '  ' | sed -nE 's/.*<'"$1"'>[[:space:]]*([^<]*[^<[:space:]])[[:space:]]*<\/'"$1"'>.*/\1/p'; }
auth_header() {
  if [ "$AUTHWITH" = SSO ] && [ -n "$ACCESS" ]; then printf 'Authorization: Bearer %s' "$ACCESS"
  elif [ "$AUTHWITH" = NON_SSO ]; then printf 'Authorization: Basic %s' "$(printf '%s:%s' "$USERNAME" "$PASSWORD" | base64 -w0)"
  fi
}

# --- the SSO flow: scrape forms until the token JSON ---------------------------------------------------
decode_html() { sed -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&#x2B;/+/g' -e 's/&#43;/+/g' -e 's/&amp;/\&/g'; }
attr() { printf '%s' "$1" | sed -nE 's/.*[[:space:]]'"$2"'="([^"]*)".*/\1/p' | decode_html; }
absolute() { # resolve a form action against the current URL
  local action=$1 origin
  origin=$(printf '%s' "$EFFECTIVE" | sed -nE 's#^(https?://[^/]+).*#\1#p')
  case $action in
    http://* | https://*) printf '%s' "$action" ;;
    /*) printf '%s%s' "$origin" "$action" ;;
    *) printf '%s/%s' "$(printf '%s' "${EFFECTIVE%%\?*}" | sed -E 's#/[^/]*$##')" "$action" ;;
  esac
}
submit_form() { # $1: login or hidden
  local html action args=() input name value
  html=$(body | tr '\n\r' '  ')
  action=$(attr "$(printf '%s' "$html" | grep -oE '<form[^>]*>' | head -n 1)" action)
  while IFS= read -r input; do
    name=$(attr "$input" name); value=$(attr "$input" value)
    [ -z "$name" ] && continue
    case $(attr "$input" type) in
      hidden) args+=(--data-urlencode "$name=$value") ;;
    esac
  done < <(printf '%s' "$html" | grep -oE '<input[^>]*>')
  if [ "$1" = login ]; then
    args+=(--data-urlencode "UserName=${IDP_USERNAME:-$USERNAME}" --data-urlencode "Password=$PASSWORD")
  fi
  fetch -L "${args[@]}" "$(absolute "${action:-${EFFECTIVE}}")"
}
read_token() {
  local json
  json=$(body | tr '\n\r' '  ')
  jget() { printf '%s' "$json" | sed -nE 's/.*"'"$1"'"[[:space:]]*:[[:space:]]*"?([^",}]*)"?.*/\1/p' | head -n 1; }
  if [ "$STATUS" != 200 ] || [ -n "$(jget error)" ]; then
    ACCESS=''; fail "Finesse refused the token request: HTTP $STATUS $(jget error): $(jget error_description)"
  fi
  local t r e u
  t=$(jget token) r=$(jget refresh_token) e=$(jget expires_in) u=$(jget user_id)
  for f in token expires_in user_id; do
    if [ -z "$(jget $f)" ]; then ACCESS=''; fail "The token response lacks \"$f\""; fi
  done
  ACCESS=$t EXPIRES=$e USERID=$u OBTAINED=$NOW AUTHWITH=SSO
  [ -n "$r" ] && REFRESH=$r
  return 0
}
flow() { # from the page just fetched to the token JSON
  local submitted=0 step
  for step in 1 2 3 4 5 6; do
    if [[ $CTYPE == *json* ]]; then read_token; return 0; fi
    if body | grep -q 'name="UserName"'; then
      if [ $submitted = 1 ]; then ACCESS=''; fail "The IdP did not accept the credentials of '$USERNAME': it showed its login page again"; fi
      submit_form login || fail "The IdP login post failed"; submitted=1
    elif body | grep -qi '<form'; then
      submit_form hidden || fail "Posting the form of ${EFFECTIVE%%\?*} failed"
    else
      ACCESS=''; fail "The flow stopped at ${EFFECTIVE%%\?*} (HTTP $STATUS, $CTYPE): neither a form nor the token JSON"
    fi
  done
  fail "The flow went through 6 pages without a token"
}
acquire() {
  local query=''
  if [ "$CARRIER" = cookie ]; then
    local host; host=$(printf '%s' "$FINESSE" | sed -nE 's#^https?://([^:/]+).*#\1#p')
    printf '%s\tFALSE\t/desktop/sso/token\tTRUE\t0\tcc_username\t%s\n' "$host" "$(urlenc "$USERNAME")" >> "$JAR"
  else
    query="cc_username=$(urlenc "$USERNAME")&"
  fi
  fetch -L "$FINESSE/desktop/sso/token?${query}return_refresh_token=true" || fail "The token request failed: curl could not reach Finesse"
  flow
}
refresh() { # one refresh; refused: one full sign-in again
  if [ -n "$REFRESH" ]; then
    local query=''; [ "$CARRIER" = query ] && query="?cc_username=$(urlenc "$USERNAME")"
    if fetch -L --data-urlencode "token=$ACCESS" --data-urlencode "refresh-token=$REFRESH" \
        --data-urlencode "return_refresh_token=true" "$FINESSE/desktop/sso/token$query" \
        && ( flow >/dev/null ) && [[ $CTYPE == *json* ]] && [ "$STATUS" = 200 ]; then
      read_token; return 0
    fi
  fi
  ACCESS=''; REFRESH=''; : > "$JAR"; acquire
}
api() { # METHOD PATH [XML]: one renewal and one retry on a 401
  local try hdr
  for try in 1 2; do
    hdr=$(auth_header)
    if [ -n "${3:-}" ]; then
      fetch -X "$1" ${hdr:+-H "$hdr"} -H 'Content-Type: application/xml' --data-binary "$3" "$FINESSE$2" || return 1
    else
      fetch -L ${hdr:+-H "$hdr"} "$FINESSE$2" || return 1
    fi
    [ "$STATUS" = 401 ] && [ "$AUTHWITH" = SSO ] && [ $try = 1 ] || return 0
    refresh
  done
}
reply() { answer "\"status\":$STATUS,\"contentType\":$(jstr "$CTYPE"),\"body\":$(jstr "$(body)"),"; }

system_auth_mode() {
  fetch "$FINESSE/finesse/api/SystemInfo" || fail "GET SystemInfo failed: curl could not reach Finesse"
  [ "$STATUS" = 200 ] || fail "SystemInfo answered HTTP $STATUS, not 200"
  MODE=$(element systemAuthMode); DEPLOYMENT=$(element deploymentType)
  [ -n "$MODE" ] && [ -n "$DEPLOYMENT" ] || fail "SystemInfo could not be read"
}
user_auth_mode() {
  fetch "$FINESSE/finesse/api/UserAuthMode/$(urlenc "$1")" || fail "GET UserAuthMode failed"
  [ "$STATUS" = 200 ] || { UMODE=''; return 1; }
  UMODE=$(element authMode)
}
resolve_login_id() {
  if [ -z "$ACCESS" ] && [ "$AUTHWITH" != NON_SSO ]; then fail "No token yet: acquire one before resolving the loginId"; fi
  [ -n "$DEPLOYMENT" ] || system_auth_mode
  local user=$USERID; [ "$AUTHWITH" = NON_SSO ] && user=$USERNAME
  if [ "$DEPLOYMENT" = UCCX ]; then LOGINID=$user; return 0; fi
  api GET "/finesse/api/User/$(urlenc "$user")" || fail "GET /finesse/api/User failed"
  LOGINID=$(element loginId)
  [ "$STATUS" = 200 ] && [ -n "$LOGINID" ] || fail "GET /finesse/api/User/$user answered HTTP $STATUS without a loginId"
}
credentials() { USERNAME=$(field username); IDP_USERNAME=$(field idpUsername); PASSWORD=$(field password); }

case $OP in
  system-auth-mode) system_auth_mode; answer "\"systemAuthMode\":\"$MODE\",\"deploymentType\":\"$DEPLOYMENT\"," ;;
  user-auth-mode)
    user_auth_mode "$(field username)" || fail "UserAuthMode answered HTTP $STATUS: treating the user as unable to use SSO"
    answer "\"authMode\":$(jstr "$UMODE")," ;;
  acquire-token) credentials; CARRIER=$(field carrier); acquire; answer "" ;;
  resolve-login-id) resolve_login_id; answer "" ;;
  sign-in)
    [ -n "$LOGINID" ] || resolve_login_id
    api PUT "/finesse/api/User/$(urlenc "$LOGINID")" "<User><state>LOGIN</state><extension>$(field extension)</extension></User>" || fail "PUT failed"
    reply ;;
  read-user) [ -n "$LOGINID" ] || resolve_login_id; api GET "/finesse/api/User/$(urlenc "$LOGINID")" || fail "GET failed"; reply ;;
  get-api) api GET "$(field path)" || fail "GET $(field path) failed"; reply ;;
  connect)
    credentials; system_auth_mode
    if [ "$MODE" = HYBRID ]; then
      if user_auth_mode "$USERNAME" && [ "$UMODE" = SSO ]; then MODE=SSO; else MODE=NON_SSO; fi
    fi
    if [ "$MODE" = NON_SSO ]; then AUTHWITH=NON_SSO; else CARRIER=query; acquire; fi
    resolve_login_id
    api PUT "/finesse/api/User/$(urlenc "$LOGINID")" "<User><state>LOGIN</state><extension>$(field extension)</extension></User>" || fail "PUT failed"
    answer "\"authenticatedWith\":\"$AUTHWITH\",\"status\":$STATUS," ;;
  time-passed)
    if [ -n "$ACCESS" ] && [ $((NOW - OBTAINED)) -ge $(((EXPIRES * 3 + 3) / 4)) ]; then refresh; fi
    answer "" ;;
  sso-test)
    fetch "$FINESSE/desktop/sso/test" || fail "GET /desktop/sso/test failed"
    value=$(awk -F'\t' '$6 == "ssotest" { print $7 }' "$JAR" | tail -n 1)
    [ -n "$value" ] || fail "/desktop/sso/test set no ssotest cookie"
    answer "\"ssoTestPassed\":$([ "$value" = true ] && echo true || echo false)," ;;
  restart)
    [ -f "$JAR" ] && awk -F'\t' '/^#/ && !/^#HttpOnly_/ { print; next } NF >= 7 && $5 != 0 { print }' "$JAR" > "$JAR.new" && mv "$JAR.new" "$JAR"
    answer "" ;;
  browse) answer "\"unsupported\":\"this adapter runs the SSO procedure only; it cannot open arbitrary pages\"," ;;
  *) answer "\"unsupported\":$(jstr "unknown operation '$OP'")," ;;
esac
