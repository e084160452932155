#!/bin/sh
# Starts Payara Micro in the foreground (exec: it receives the container's SIGTERM) with the options of the run
# command, its HTTP listener on every interface. With TIERCACHE_DATASOURCE_URL set, the post-boot command file points
# the default datasource at that PostgreSQL, whose driver is added to the server's classpath.
# Arguments are passed on to Payara Micro.
set -eu
if [ -n "${TIERCACHE_DATASOURCE_URL:-}" ]; then
    set -- --postbootcommandfile postgresql.asadmin --addlibs postgresql.jar "$@"
fi
# shellcheck disable=SC2086 # JAVA_OPTS holds several words
exec java $JAVA_OPTS -jar payara-micro.jar \
    --deploy tiercache.war --contextroot / --port 8080 --nocluster "$@"
