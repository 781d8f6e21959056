#!/usr/bin/env bash
# Several instances for real (issue 22, items 3-5): the packaged jar started twice as separate processes behind
# Debian's nginx (a generated copy of src/main/docker/nginx.conf, upstreams rewritten to loopback ports), one durable
# PostgreSQL 17 server (fsync, synchronous_commit, full_page_writes on), an SMTP server, and wrk as the load generator
# in its own process. Checks (sessions shared, jobs/digests/mails once, log-in throttle behind the proxy) end the run
# with exit status 1 when wrong. Report: target/bench/SCALE.md. See the README's benchmark section.
#   src/bench/scale-out.sh                                # build, checks, one vs two instances, efficiency ratios
#   SCALE_SKIP_BUILD=1 src/bench/scale-out.sh -Dscale.ratiosOnly=true -Dscale.label=after -Dscale.append=true
# Needs: nginx and wrk (apt-get install -y nginx wrk); run as root or a user that may start nginx as www-data.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in nginx wrk; do
    command -v "$tool" >/dev/null || { echo "scale-out needs $tool: apt-get install -y nginx wrk" >&2; exit 2; }
done
if [ "${SCALE_SKIP_BUILD:-}" != 1 ]; then
    ./mvnw -q -Pbench package -DskipTests
fi
# The driver's classes (src/bench/java): compiled only with -Pbench, and a later build without it may drop them.
./mvnw -q -o -Pbench test-compile
./mvnw -q -o -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/scale-classpath.txt
jar=$(ls target/sourcewire-*.jar | grep -v -e plain -e sources | head -1)
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/scale-classpath.txt)" "$@" \
    org.sourcewire.bench.ScaleOut "$jar" src/bench/wrk
