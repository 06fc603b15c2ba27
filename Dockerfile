# The idchain reference emulator as an image. UNTESTED: the machines idchain is
# developed on have no Docker engine. Build it from the packed package:
#   npm pack && docker build -t idchain-emulator .
#   docker run -p 127.0.0.1:4566:4566 -e IDCHAIN_EMULATOR_CREDENTIALS=test:test idchain-emulator
# Node 20.19 or newer (require(esm)); the 20 tag is the newest 20.x.
FROM node:20-alpine
WORKDIR /opt/idchain
COPY idchain-*.tgz /tmp/
# Runtime dependencies only: no testcontainers (an optional peer), no tsx.
RUN npm install --omit=dev --no-audit --no-fund /tmp/idchain-*.tgz && rm /tmp/idchain-*.tgz
USER node
EXPOSE 4566
HEALTHCHECK --interval=5s --timeout=2s CMD wget -qO- http://127.0.0.1:4566/_idchain/health || exit 1
# All interfaces inside the container; publish on loopback only (see README "In a container").
ENTRYPOINT ["/opt/idchain/node_modules/.bin/idchain", "emulator", "--host", "0.0.0.0", "--port", "4566"]
