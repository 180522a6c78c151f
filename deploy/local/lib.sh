# shellcheck shell=bash
# Shared by run.sh and mint-token.sh (sourced, not executed).
#
# Sets REPO_ROOT, CRYO_LOCAL_DIR (default <repo>/.local), KEY_DIR, and provides log/warn/die and
# ensure_keys, which creates the local dev RSA key pair that stands in for auth-service's signing key.

LOCAL_SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$LOCAL_SCRIPT_DIR/../.." && pwd)
CRYO_LOCAL_DIR=${CRYO_LOCAL_DIR:-$REPO_ROOT/.local}
# Relative paths would break once we cd or hand them to another user's process: make it absolute.
mkdir -p "$CRYO_LOCAL_DIR"
CRYO_LOCAL_DIR=$(cd "$CRYO_LOCAL_DIR" && pwd)
KEY_DIR=$CRYO_LOCAL_DIR/keys

log()  { printf '[cryo] %s\n' "$*" >&2; }
warn() { printf '[cryo] WARNING: %s\n' "$*" >&2; }
die()  { printf '[cryo] ERROR: %s\n' "$*" >&2; exit 1; }

need() {  # need CMD HINT — fail early with a useful message instead of "command not found" later
    command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not installed. $2"
}

# Dev signing key: RSA 2048, private key as PKCS#8 PEM, public key as X.509 SubjectPublicKeyInfo PEM
# (the "-----BEGIN PUBLIC KEY-----" form that mp.jwt.verify.publickey.location accepts).
ensure_keys() {
    need openssl "Install it with: apt-get install openssl"
    if [[ -s $KEY_DIR/private.pem && -s $KEY_DIR/public.pem ]]; then
        return 0
    fi
    mkdir -p "$KEY_DIR"
    chmod 700 "$KEY_DIR"
    if [[ ! -s $KEY_DIR/private.pem ]]; then
        log "generating dev RSA key pair in $KEY_DIR"
        # write to a temp name first so an interrupted run never leaves a truncated key behind
        (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
            -out "$KEY_DIR/private.pem.tmp" 2>/dev/null) || die "openssl could not generate an RSA key"
        mv "$KEY_DIR/private.pem.tmp" "$KEY_DIR/private.pem"
    fi
    openssl pkey -in "$KEY_DIR/private.pem" -pubout -out "$KEY_DIR/public.pem.tmp" 2>/dev/null \
        || die "openssl could not derive the public key from $KEY_DIR/private.pem"
    mv "$KEY_DIR/public.pem.tmp" "$KEY_DIR/public.pem"
    chmod 644 "$KEY_DIR/public.pem"
}
