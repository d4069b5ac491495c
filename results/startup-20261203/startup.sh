#!/bin/bash
# ready-alone timing: stop NAME, start it, poll its readiness every 50 ms
cd /work/main
name=$1; port=$2
./clinic stop $name >/dev/null 2>&1
t0=$(date +%s.%N)
./clinic start $name >/dev/null 2>&1 &
until curl -sf -o /dev/null http://127.0.0.1:$port/q/health/ready; do sleep 0.05; done
t1=$(date +%s.%N)
wait
sleep 1
pid=$(for p in $(pgrep java); do case "$(readlink /proc/$p/cwd)" in */$name/target/quarkus-app) echo $p;; esac; done | head -1)
printf "%s ready %.2f s, RSS %d MB, started-in: %s\n" $name $(echo "$t1 - $t0" | bc) $(( $(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024 )) "$(grep -o 'started in [0-9.]*s' .clinic/logs/$name.log | tail -1)"
