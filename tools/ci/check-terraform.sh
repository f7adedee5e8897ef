#!/usr/bin/env bash
# Offline checks of infra/terraform that are not jest tests (those run with npm test):
# formatting with HashiCorp's formatter (@cdktf/hcl-tools) and checkov's policies.
# terraform validate/plan need the AWS provider download and run in the online pipeline
# (infra/terraform/README.md, "Validate and plan online").
# CHECKOV: the checkov command (default: checkov from the virtualenv .ci/run creates).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

CHECKOV="${CHECKOV:-${PARLEY_CHECKOV_VENV:-${TMPDIR:-/tmp}/parley-checkov-venv}/bin/checkov}"

echo "== terraform fmt (hcl-tools)"
node tools/ci/terraform-fmt.mjs

echo "== checkov"
start=$(date +%s)
"$CHECKOV" --directory infra/terraform --config-file infra/terraform/.checkov.yaml
echo "checkov: passed in $(($(date +%s) - start)) s"
