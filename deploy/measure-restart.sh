#!/usr/bin/env bash
# Restart-to-RUNNING of the processor on a local broker (the `broker` command): start it, wait for
# RUNNING, stop it with SIGTERM, start it again and time that start until RUNNING.
# usage: deploy/measure-restart.sh target/kafka-translator.jar [VARIABLE=value for both runs...]
# (the broker comes from kafka-translator-all.jar beside the given jar)
# e.g.   deploy/measure-restart.sh target/kafka-translator.jar KAFKA_GROUP_INSTANCE_ID=translator-0
JAR=$(realpath "$1"); shift
ALL=$(dirname "$JAR")/kafka-translator-all.jar
WORK=$(mktemp -d); cd "$WORK"
java -jar "$ALL" broker > broker.log 2>&1 & BROKER=$!
until grep -qs "Kafka broker" broker.log; do sleep 0.5; done
B=$(grep "Kafka broker" broker.log | grep -o "at [^ ]*$" | cut -c4-)
run() { env KAFKA_BOOTSTRAP_SERVERS=$B PROCESSOR_HTTP_PORT=-1 KAFKA_STATE_DIR=$WORK/state "$@" java -jar $JAR run > run$N.log 2>&1 & PID=$!; }
N=1; run "$@"; until grep -qs "REBALANCING -> RUNNING" run1.log; do sleep 0.2; done
kill -TERM $PID; wait $PID
N=2; T0=$(date +%s.%N); run "$@"; until grep -qs "REBALANCING -> RUNNING" run2.log; do sleep 0.2; done; T1=$(date +%s.%N)
awk -v a="$T0" -v b="$T1" -v s="$*" 'BEGIN { printf "restart to RUNNING: %.1f s  (%s)\n", b - a, s }'
kill -TERM $PID; wait $PID; kill -TERM $BROKER; wait $BROKER; rm -rf "$WORK"
