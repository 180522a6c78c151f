# shellcheck shell=bash
# Sourced by run.sh (not executed).
#
# Sets REPO_ROOT, CRYO_LOCAL_DIR (default <repo>/.local), KEY_DIR, and provides log/warn/die/need,
# port_in_use and start_and_wait (from deploy/lib/processes.sh) and ensure_keys, which creates the local secrets once: auth-service's key-encryption key, the
# import-service client secret, the bootstrap admin's password and the demo researcher's password.

LOCAL_SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$LOCAL_SCRIPT_DIR/../.." && pwd)
. "$REPO_ROOT/deploy/lib/processes.sh"
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

# ensure_secret NAME FORMAT — $KEY_DIR/NAME, created once (mode 600) and then reused.
#   base64   32 random bytes, base64 (auth-service's AES key-encryption key)
#   hex      32 random bytes, hex: a client secret. Hex on purpose: RFC 6749 form-url-decodes the
#            parts of HTTP Basic client credentials, so base64's '+' would arrive as a space
#   password 12 random bytes, hex (24 characters; auth-service wants at least 10): safe inside
#            JSON and shell double quotes, so the printed curl examples can splice it in
ensure_secret() {
    local file=$KEY_DIR/$1 format=$2
    [[ -s $file ]] && return 0
    mkdir -p "$KEY_DIR"
    chmod 700 "$KEY_DIR"
    # write to a temp name first so an interrupted run never leaves a truncated secret behind
    case $format in
        base64)   (umask 077 && openssl rand -base64 32 >"$file.tmp") ;;
        hex)      (umask 077 && openssl rand -hex 32 >"$file.tmp") ;;
        password) (umask 077 && openssl rand -hex 12 >"$file.tmp") ;;
        *) die "ensure_secret: unknown format $format" ;;
    esac || die "openssl could not generate $file"
    mv "$file.tmp" "$file"
    log "generated $file"
}

read_secret() {  # NAME -> the secret on stdout, without the trailing newline
    local s
    s=$(<"$KEY_DIR/$1")
    printf '%s' "${s%%[[:space:]]*}"
}

ensure_keys() {
    need openssl "Install it with: apt-get install openssl"
    ensure_secret key-encryption-key base64     # encrypts auth-service's signing keys at rest
    ensure_secret import-service-secret hex     # client secret of the bootstrap client import-service
    ensure_secret molecule-service-secret hex   # client secret molecule-service reads the revocation feed with
    ensure_secret admin-password password       # bootstrap admin user of auth-service
    ensure_secret demo-user-password password   # the demo researcher account
}
