# syntax=docker/dockerfile:1.7
# Parley API image: build with the full toolchain, run on a slim image as a non-root user.
# No Docker engine runs on the development machines; this file is kept correct by review
# (infra/terraform/tests/app-consistency.test.ts checks what ECS relies on).
#
# Multi-arch: every runtime dependency is plain JavaScript (TensorFlow.js runs on its CPU
# backend; the native tfjs-node and the embedded FerretDB are not in the image), so the
# image builds for ARM64 Graviton Fargate (about 20% cheaper) as well as x86_64:
#   docker buildx build --platform linux/arm64 -t <ecr>/parley:<tag> --push .
#   docker buildx build --platform linux/arm64,linux/amd64 -t <ecr>/parley:<tag> --push .

ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json turbo.json tsconfig.base.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY apps/widget/package.json apps/widget/
COPY packages/domain/package.json packages/domain/
COPY packages/nlu/package.json packages/nlu/
COPY packages/dialogue/package.json packages/dialogue/
COPY packages/store/package.json packages/store/
COPY infra/terraform/package.json infra/terraform/
RUN npm ci --no-audit --no-fund
COPY apps ./apps
COPY packages ./packages
# Every workspace with a build script: the API and its packages, the admin SPA
# (apps/admin/dist) and the widget (apps/widget/dist), which the API serves at /admin/ and
# /widget.js. The empty folders keep the COPY below valid for a workspace with no build yet.
RUN npm run build \
 && mkdir -p apps/admin/dist apps/widget/dist \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# MODELS_DIR is where ECS mounts the EFS access point (owned by uid/gid 1000).
ENV NODE_ENV=production PORT=8080 MODELS_DIR=/models
WORKDIR /app
# Amazon DocumentDB's TLS certificates are signed by the RDS CA, which is in no public trust
# store; the DocumentDB connection string names this file (tlsCAFile).
ADD --chmod=644 https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /etc/ssl/certs/rds-global-bundle.pem
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/packages ./packages
COPY --from=build --chown=node:node /app/apps/api/package.json ./apps/api/package.json
COPY --from=build --chown=node:node /app/apps/api/dist ./apps/api/dist
COPY --from=build --chown=node:node /app/apps/admin/dist ./apps/admin/dist
COPY --from=build --chown=node:node /app/apps/widget/dist ./apps/widget/dist
RUN mkdir -p /models && chown 1000:1000 /models
# The image's `node` user; the EFS access point forces the same uid/gid.
USER 1000:1000
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# MONGODB_URI must be set: the embedded development database is not part of this image.
CMD ["node", "apps/api/dist/index.js"]
