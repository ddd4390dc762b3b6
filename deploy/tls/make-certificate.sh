#!/bin/sh
# The certificate nginx serves (ADR 0048), made before nginx starts, by the tls-init service of the compose files
# and by ops/proxy-check.sh:
#
#   make-certificate.sh OUT_DIR CA_DIR [GIVEN_DIR]
#
# - If GIVEN_DIR holds server.crt and server.key (the operator's certificate, chain included, and its key), they are
#   copied to OUT_DIR and nothing is made.
# - Otherwise a local certificate authority is made once in CA_DIR (ca.key stays there, never in OUT_DIR), and a
#   server certificate it signs is made in OUT_DIR for the names and addresses in CONGVAN_TLS_NAMES (comma-separated,
#   e.g. "congvan.lan,192.168.1.10"; default "localhost,127.0.0.1"). It is made again when the names change or when
#   it has less than 30 days left, so a restart renews it; the authority stays, so browsers keep trusting it.
#   OUT_DIR/ca.crt is the root to install on the clients (README, "HTTPS on the office network").
# POSIX sh and the openssl command only: it runs in a small Debian image as well as here.
set -eu
out=${1:?OUT_DIR}
ca=${2:?CA_DIR}
given=${3:-}
names=${CONGVAN_TLS_NAMES:-localhost,127.0.0.1}
mkdir -p "$out" "$ca"
umask 077

if [ -n "$given" ] && [ -s "$given/server.crt" ] && [ -s "$given/server.key" ]; then
    cp "$given/server.crt" "$out/server.crt.new"
    cp "$given/server.key" "$out/server.key.new"
    mv "$out/server.key.new" "$out/server.key"
    mv "$out/server.crt.new" "$out/server.crt"
    rm -f "$out/ca.crt" "$out/names"
    chmod 644 "$out/server.crt"
    echo "make-certificate: using the given certificate $(openssl x509 -in "$out/server.crt" -noout -subject)"
    exit 0
fi

if [ ! -s "$ca/ca.key" ] || [ ! -s "$ca/ca.crt" ]; then
    # Ten years: replacing the root means installing it again on every client.
    openssl req -x509 -new -newkey rsa:3072 -nodes -sha256 -days 3650 \
        -keyout "$ca/ca.key" -out "$ca/ca.crt" \
        -subj "/O=congvan/CN=congvan local CA $(date +%Y-%m-%d)" \
        -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash" 2>/dev/null
    echo "make-certificate: made a new local CA in $ca"
fi

if [ -s "$out/server.crt" ] && [ -s "$out/server.key" ] && [ "$(cat "$out/names" 2>/dev/null)" = "$names" ] \
    && openssl x509 -in "$out/server.crt" -noout -checkend 2592000 >/dev/null \
    && openssl verify -CAfile "$ca/ca.crt" "$out/server.crt" >/dev/null 2>&1; then
    echo "make-certificate: the server certificate for $names is current"
else
    san=""
    first=""
    old_ifs=$IFS
    IFS=,
    for name in $names; do
        name=$(printf '%s' "$name" | tr -d ' ')
        [ -n "$name" ] || continue
        [ -n "$first" ] || first=$name
        # An address (IPv4 digits and dots, or IPv6 with a colon) is an IP entry; anything else a DNS name.
        case $name in
            *:* | *[!0-9.]*) case $name in *:*) entry="IP:$name" ;; *) entry="DNS:$name" ;; esac ;;
            *) entry="IP:$name" ;;
        esac
        san="${san:+$san,}$entry"
    done
    IFS=$old_ifs
    [ -n "$san" ] || { echo "make-certificate: CONGVAN_TLS_NAMES is empty" >&2; exit 2; }
    work=$(mktemp -d)
    # 825 days: the longest validity Apple's systems accept for a server certificate of a local authority.
    openssl req -new -newkey rsa:2048 -nodes -sha256 -keyout "$work/server.key" -out "$work/server.csr" \
        -subj "/O=congvan/CN=$first" 2>/dev/null
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
        "extendedKeyUsage=serverAuth" "subjectAltName=$san" "subjectKeyIdentifier=hash" \
        "authorityKeyIdentifier=keyid" > "$work/ext"
    openssl x509 -req -in "$work/server.csr" -CA "$ca/ca.crt" -CAkey "$ca/ca.key" -CAcreateserial \
        -CAserial "$ca/ca.srl" -days 825 -sha256 -extfile "$work/ext" -out "$work/server.crt" 2>/dev/null
    mv "$work/server.key" "$out/server.key"
    mv "$work/server.crt" "$out/server.crt"
    printf '%s' "$names" > "$out/names"
    rm -rf "$work"
    echo "make-certificate: made a server certificate for $san"
fi
cp "$ca/ca.crt" "$out/ca.crt"
chmod 644 "$out/server.crt" "$out/ca.crt" "$out/names"
# nginx reads the key as root before it drops privileges; nobody else needs it.
chmod 600 "$out/server.key"
