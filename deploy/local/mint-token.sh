#!/usr/bin/env bash
# Mint a short-lived RS256 access token for local development — a stand-in for auth-service until
# it exists. Only bash and openssl are needed (no Java, no jq).
#
#   deploy/local/mint-token.sh ROLE [SUB] [AUDIENCE]
#   deploy/local/mint-token.sh --verify TOKEN       # check a token's signature against public.pem
#
#   ROLE      authenticated | service_role | admin
#   SUB       default: the demo user (authenticated), the demo admin (admin), "local-runner" (service_role);
#             must be a UUID for users, as auth-service's user ids are
#   AUDIENCE  default: molecule-service
#
# Environment: CRYO_ISSUER (default http://localhost:8081), CRYO_TOKEN_TTL (seconds, default 300),
# CRYO_CLIENT_ID (default: SUB for service_role, "cryo-local-cli" for users), CRYO_LOCAL_DIR.
#
# The token is shaped like auth-service's (DESIGN.md §3, RFC 9068): header
# {"alg":"RS256","typ":"at+jwt","kid":"local-dev"}, claims iss, sub, aud, iat, exp, jti, client_id,
# scope, role. It is signed with $CRYO_LOCAL_DIR/keys/private.pem (created on first use).
set -euo pipefail

. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

DEMO_USER_ID=d3e0d3e0-0000-4000-8000-000000000001
DEMO_ADMIN_ID=d3e0d3e0-0000-4000-8000-000000000002
UUID_RE='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2
    exit 2
}

b64url() {  # stdin -> base64url without padding (RFC 7515 §2)
    openssl base64 -e -A | tr '+/' '-_' | tr -d '='
}

b64url_decode() {  # $1 -> decoded bytes on stdout
    local s=${1//-/+}
    s=${s//_//}
    while (( ${#s} % 4 )); do s+='='; done
    printf '%s' "$s" | openssl base64 -d -A
}

# Claim values are interpolated into JSON by hand, so only allow characters that need no escaping.
json_safe() {
    [[ $2 =~ ^[A-Za-z0-9._:/@+-]+$ ]] || die "$1 '$2' contains characters not allowed here (use [A-Za-z0-9._:/@+-])"
}

verify_token() {
    local token=$1 header payload sig
    IFS=. read -r header payload sig <<<"$token"
    [[ -n ${header:-} && -n ${payload:-} && -n ${sig:-} ]] || die "not a JWS compact token"
    [[ -s $KEY_DIR/public.pem ]] || die "no public key at $KEY_DIR/public.pem"
    local sigfile
    sigfile=$(mktemp)
    # shellcheck disable=SC2064
    trap "rm -f '$sigfile'" EXIT
    b64url_decode "$sig" >"$sigfile"
    if printf '%s' "$header.$payload" | openssl dgst -sha256 -verify "$KEY_DIR/public.pem" -signature "$sigfile" >/dev/null 2>&1; then
        echo "signature OK" >&2
        printf 'header:  %s\n' "$(b64url_decode "$header")"
        printf 'payload: %s\n' "$(b64url_decode "$payload")"
    else
        die "signature does NOT verify against $KEY_DIR/public.pem"
    fi
}

(( $# >= 1 )) || usage
case $1 in
    -h|--help) usage ;;
    --verify) (( $# == 2 )) || usage; verify_token "$2"; exit 0 ;;
esac

role=$1
case $role in
    authenticated) default_sub=$DEMO_USER_ID ;;
    admin)         default_sub=$DEMO_ADMIN_ID ;;
    service_role)  default_sub=local-runner ;;
    *) die "unknown role '$role' (authenticated | service_role | admin)" ;;
esac
sub=${2:-$default_sub}
aud=${3:-molecule-service}
issuer=${CRYO_ISSUER:-http://localhost:8081}
ttl=${CRYO_TOKEN_TTL:-300}
if [[ $role == service_role ]]; then
    client_id=${CRYO_CLIENT_ID:-$sub}     # client-credentials tokens: sub is the client itself (RFC 9068 §2.2)
else
    client_id=${CRYO_CLIENT_ID:-cryo-local-cli}
    [[ $sub =~ $UUID_RE ]] || die "sub for role $role must be a UUID (auth-service user id), got '$sub'"
fi
scope="molecules:read molecules:write"
[[ $ttl =~ ^[0-9]+$ ]] || die "CRYO_TOKEN_TTL must be a number of seconds"
json_safe sub "$sub"; json_safe audience "$aud"; json_safe issuer "$issuer"; json_safe client_id "$client_id"

ensure_keys

iat=$(date +%s)
exp=$(( iat + ttl ))
if [[ -r /proc/sys/kernel/random/uuid ]]; then
    jti=$(cat /proc/sys/kernel/random/uuid)
else  # not Linux: build a v4 UUID from openssl random bytes
    h=$(openssl rand -hex 16)
    jti=${h:0:8}-${h:8:4}-4${h:13:3}-$(printf '%x' $(( (0x${h:16:1} & 3) | 8 )))${h:17:3}-${h:20:12}
fi

header='{"alg":"RS256","typ":"at+jwt","kid":"local-dev"}'
payload=$(printf '{"iss":"%s","sub":"%s","aud":"%s","iat":%d,"exp":%d,"jti":"%s","client_id":"%s","scope":"%s","role":"%s"}' \
    "$issuer" "$sub" "$aud" "$iat" "$exp" "$jti" "$client_id" "$scope" "$role")

signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$KEY_DIR/private.pem" -binary | b64url)
printf '%s.%s\n' "$signing_input" "$signature"
