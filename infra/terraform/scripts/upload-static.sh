#!/usr/bin/env bash
# Uploads the admin SPA and the chat widget to the S3 + CloudFront static site, with the
# caching the distribution expects, writes the admin's runtime config.json, and invalidates
# the files whose names do not change.
#
#   npm run build                                   # builds apps/admin/dist and apps/widget/dist
#   infra/terraform/scripts/upload-static.sh --env-dir infra/terraform/environments/prod
#
# Options (the first three default to that environment's terraform outputs):
#   --bucket NAME          S3 bucket            (output static_bucket)
#   --distribution ID      CloudFront distribution id (output static_distribution_id)
#   --api-url URL          public API base URL written to config.json (output api_url)
#   --env-dir DIR          environment folder to read the outputs from
#   --admin-dist DIR       default apps/admin/dist
#   --widget-dist DIR      default apps/widget/dist
#
# Layout in the bucket: admin/index.html and admin/config.json (no-cache), admin/assets/*
# (content-hashed: one year, immutable), other admin files (five minutes), widget.js (five
# minutes, the name embedding pages use) and widget.<hash>.js (one year, immutable).
# Hashed files of earlier uploads stay, so a browser holding an old index.html still loads.
# Needs the AWS CLI v2 with credentials for the bucket and the distribution.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
ADMIN_DIST="$REPO_ROOT/apps/admin/dist"
WIDGET_DIST="$REPO_ROOT/apps/widget/dist"
BUCKET="" DISTRIBUTION="" API_URL="" ENV_DIR=""
IMMUTABLE="public, max-age=31536000, immutable"
SHORT="public, max-age=300"

die() { echo "upload-static: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --bucket) BUCKET="$2"; shift 2 ;;
    --distribution) DISTRIBUTION="$2"; shift 2 ;;
    --api-url) API_URL="$2"; shift 2 ;;
    --env-dir) ENV_DIR="$2"; shift 2 ;;
    --admin-dist) ADMIN_DIST="$2"; shift 2 ;;
    --widget-dist) WIDGET_DIST="$2"; shift 2 ;;
    -h|--help) sed -n '2,26p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

output() { terraform -chdir="$ENV_DIR" output -raw "$1"; }
if [[ -n "$ENV_DIR" ]]; then
  [[ -n "$BUCKET" ]] || BUCKET="$(output static_bucket)"
  [[ -n "$DISTRIBUTION" ]] || DISTRIBUTION="$(output static_distribution_id)"
  [[ -n "$API_URL" ]] || API_URL="$(output api_url)"
fi
[[ -n "$BUCKET" && -n "$DISTRIBUTION" ]] ||
  die "no bucket or distribution: pass --env-dir of an environment with static_hosting = \"cloudfront\", or --bucket and --distribution"
[[ "$API_URL" =~ ^https?://[A-Za-z0-9.:-]+(/[A-Za-z0-9._~/-]*)?$ ]] || die "--api-url must be an http(s) URL, got '$API_URL'"
API_URL="${API_URL%/}"

HAVE_ADMIN=false HAVE_WIDGET=false
[[ -f "$ADMIN_DIST/index.html" ]] && HAVE_ADMIN=true
[[ -f "$WIDGET_DIST/widget.js" ]] && HAVE_WIDGET=true
$HAVE_ADMIN || $HAVE_WIDGET ||
  die "nothing to upload: neither $ADMIN_DIST/index.html nor $WIDGET_DIST/widget.js exists (run npm run build)"

PATHS=()
if $HAVE_ADMIN; then
  echo "upload-static: admin from $ADMIN_DIST to s3://$BUCKET/admin/"
  # Assets first, index.html last: a visitor never gets an index naming files not there yet.
  if [[ -d "$ADMIN_DIST/assets" ]]; then
    aws s3 sync "$ADMIN_DIST/assets" "s3://$BUCKET/admin/assets" --cache-control "$IMMUTABLE" --only-show-errors
  fi
  aws s3 sync "$ADMIN_DIST" "s3://$BUCKET/admin" --exclude "assets/*" --exclude "index.html" \
    --exclude "config.json" --cache-control "$SHORT" --only-show-errors
  CONFIG="$(mktemp)"
  trap 'rm -f "$CONFIG"' EXIT
  printf '{"apiBaseUrl": "%s"}\n' "$API_URL" > "$CONFIG"
  aws s3 cp "$CONFIG" "s3://$BUCKET/admin/config.json" --cache-control "no-cache" \
    --content-type "application/json" --only-show-errors
  aws s3 cp "$ADMIN_DIST/index.html" "s3://$BUCKET/admin/index.html" --cache-control "no-cache" \
    --content-type "text/html; charset=utf-8" --only-show-errors
  PATHS+=("/admin/" "/admin/index.html" "/admin/config.json")
fi

if $HAVE_WIDGET; then
  echo "upload-static: widget from $WIDGET_DIST to s3://$BUCKET/"
  shopt -s nullglob
  for hashed in "$WIDGET_DIST"/widget.*.js; do
    aws s3 cp "$hashed" "s3://$BUCKET/$(basename "$hashed")" --cache-control "$IMMUTABLE" \
      --content-type "text/javascript; charset=utf-8" --only-show-errors
  done
  aws s3 cp "$WIDGET_DIST/widget.js" "s3://$BUCKET/widget.js" --cache-control "$SHORT" \
    --content-type "text/javascript; charset=utf-8" --only-show-errors
  PATHS+=("/widget.js")
fi

aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION" --paths "${PATHS[@]}" \
  --query 'Invalidation.Id' --output text > /dev/null
echo "upload-static: done; invalidated ${PATHS[*]}"
