#!/bin/sh
# The realm file of the local run (platform/local-runner/src/main/keycloak/mosaic-realm.json) with this
# deployment's mail server and client secrets, written where Keycloak imports it on its first start.
set -eu
sed -e "s/\"host\": \"127.0.0.1\"/\"host\": \"$SMTP_HOST\"/" -e "s/@SMTP_PORT@/$SMTP_PORT/" \
  -e "s/@AUTH_CLIENT_SECRET@/$AUTH_CLIENT_SECRET/" -e "s/@USER_CLIENT_SECRET@/$USER_CLIENT_SECRET/" \
  -e "s/@POST_CLIENT_SECRET@/$POST_CLIENT_SECRET/" -e "s/@FEED_CLIENT_SECRET@/$FEED_CLIENT_SECRET/" \
  -e "s/@CHAT_CLIENT_SECRET@/$CHAT_CLIENT_SECRET/" -e "s/@MEDIA_CLIENT_SECRET@/$MEDIA_CLIENT_SECRET/" \
  -e "s/@NOTIFICATION_CLIENT_SECRET@/$NOTIFICATION_CLIENT_SECRET/" \
  /realm/mosaic-realm.json >/import/mosaic-realm.json
grep -q '@[A-Z_]*@' /import/mosaic-realm.json && { echo "render-realm: a placeholder is left" >&2; exit 1; }
echo "realm written"
