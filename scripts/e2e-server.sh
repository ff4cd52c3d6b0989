#!/usr/bin/env bash
# Serves the production build on a fresh embedded database with the demo data, for the
# browser tests. Builds first, unless E2E_SKIP_BUILD=1 says the build is fresh (CI builds
# in its own step just before).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3100}"
export PGLITE_DIR="$PWD/.data/e2e-pglite"
export STORAGE_DIR="$PWD/.data/e2e-files"
# Outgoing mail lands here as .eml files; the specs read the links from them (e2e/fixtures.ts).
export MAIL_TRANSPORT=directory
export MAIL_DIR="$PWD/.data/e2e-mail"
# SMS stay in the outbox: the specs read one-time codes from /dev/sms (a production build
# has no default provider, README "SMS").
export SMS_PROVIDER=outbox
unset DATABASE_URL
export NEXTAUTH_URL="http://localhost:${port}"
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-$(head -c 48 /dev/urandom | base64 | tr -d '\n')}"
export PII_ENCRYPTION_KEY="${PII_ENCRYPTION_KEY:-$(head -c 32 /dev/urandom | base64)}"
export PII_HMAC_KEY="${PII_HMAC_KEY:-$(head -c 32 /dev/urandom | base64)}"
export NEXT_TELEMETRY_DISABLED=1
# The specs stand in for a load balancer: a spec that needs clients of its own (the sign-in
# throttle) sends the address the balancer would append in X-Forwarded-For.
export TRUSTED_PROXY_HOPS="${TRUSTED_PROXY_HOPS:-1}"
# Online payments: creditors' Alipay is the stand-in gateway the payment spec runs on the
# port after this server's (e2e/public/debtor-payment.spec.ts); notifications come back here.
export PAYMENTS_ALIPAY_GATEWAY="${PAYMENTS_ALIPAY_GATEWAY:-http://127.0.0.1:$((port + 1))/gateway.do}"
export PAYMENTS_PUBLIC_URL="${PAYMENTS_PUBLIC_URL:-http://localhost:${port}}"
# The webhooks spec runs its receiver on 127.0.0.1, which production would refuse.
export WEBHOOK_ALLOWED_HOSTS="${WEBHOOK_ALLOWED_HOSTS:-127.0.0.1}"
rm -rf "$PGLITE_DIR" "$STORAGE_DIR" "$MAIL_DIR"
if [ "${E2E_SKIP_BUILD:-}" != 1 ] || [ ! -f .next/BUILD_ID ]; then npx next build; fi
npx tsx scripts/prepare-db.ts
# The app server (npm start): Next.js with the socket address of each request kept for the limits.
exec npx tsx scripts/serve.ts -p "$port"
