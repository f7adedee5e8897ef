# syntax=docker/dockerfile:1.7
# Parley API image: build with the full toolchain, run on a slim image as a non-root user.
# No Docker engine runs on the development machines; this file is kept correct by review.

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
RUN npm ci --no-audit --no-fund
COPY apps ./apps
COPY packages ./packages
RUN npx turbo run build --filter=@parley/api... --filter=@parley/widget \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=8080 MODELS_DIR=/models
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/packages ./packages
COPY --from=build --chown=node:node /app/apps/api/package.json ./apps/api/package.json
COPY --from=build --chown=node:node /app/apps/api/dist ./apps/api/dist
COPY --from=build --chown=node:node /app/apps/widget/dist ./apps/widget/dist
RUN mkdir -p /models && chown node:node /models
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# MONGODB_URI must be set: the embedded development database is not part of this image.
CMD ["node", "apps/api/dist/index.js"]
