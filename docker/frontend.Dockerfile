# syntax=docker/dockerfile:1
# The web front: nginx serving the built SPA, and the one public entry of the stack. It proxies
# /api/, /admin/ and /static/ (collected by the backend image, served by WhiteNoise) to the API,
# and /<S3_BUCKET>/ to MinIO, so browsers reach presigned URLs on the site's own origin.
# Build from the repository root:  docker build -f docker/frontend.Dockerfile -t urbadesk-web .

# --- build: the SPA (Node 20, as `make run`) ----------------------------------------------------
FROM node:20-bookworm-slim AS build

WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY frontend/ ./
# `npm run build` type-checks the sources with their tests, which read ../testvectors/.
COPY testvectors/ /src/testvectors/
RUN npm run build

# --- runtime: unprivileged nginx (uid 101, port 8080) ------------------------------------------
FROM nginxinc/nginx-unprivileged:1.30-alpine AS runtime

# The image's entrypoint renders /etc/nginx/templates/*.template into conf.d/ at start. Only these
# variables are substituted, so nginx's own $variables ($host, $uri…) are left alone.
ENV NGINX_ENVSUBST_FILTER="^S3_(BUCKET|PUBLIC_ENDPOINT)" \
    S3_BUCKET=urbadesk \
    S3_PUBLIC_ENDPOINT=""

COPY docker/nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /src/frontend/dist /usr/share/nginx/html

EXPOSE 8080

# nginx's own liveness (busybox wget; no curl in the image). The API has its own checks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/nginx-health"]
