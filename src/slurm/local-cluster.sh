#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the Slurm executor's tests and for trying `sweep --executor slurm`
# without a real cluster. It follows ../shared/notes/slurm-single-node.md (what was checked to work on Debian 12
# without systemd): Debian's slurmctld, slurmd, slurm-client and munge packages, munged as the munge user, no
# cgroup plugins, cons_tres with CR_Core so one-core tasks share the node, no accounting.
#
#   src/slurm/local-cluster.sh start    start it (says so when it already runs); prints the SLURM_CONF line
#   src/slurm/local-cluster.sh stop     cancel its jobs, shut it down, end the munged it started, delete its folder
#   src/slurm/local-cluster.sh status   exit 0 and print the SLURM_CONF line when it answers, else exit 3
#
# Config, state, pid and log files all live in one folder, $GANSTUDIO_SLURM_DIR (default /tmp/ganstudio-slurm),
# so stop leaves nothing behind. Slurm's commands find the cluster through SLURM_CONF: after start, run
#   . /tmp/ganstudio-slurm/env        (it holds: export SLURM_CONF=/tmp/ganstudio-slurm/slurm.conf)
# Needs root (munged runs as the munge user, slurmd as root).
set -euo pipefail

DIR="${GANSTUDIO_SLURM_DIR:-/tmp/ganstudio-slurm}"
CONF="$DIR/slurm.conf"
PACKAGES="slurmctld slurmd slurm-client munge"

say() { echo "local-cluster: $*"; }
fail() { echo "local-cluster: $*" >&2; exit 1; }

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

answers() {
  [[ -f "$CONF" ]] && alive "$DIR/slurmctld.pid" \
    && SLURM_CONF="$CONF" timeout 10 sinfo -h -o %T >/dev/null 2>&1
}

need_commands() {
  local missing=()
  for c in munged munge unmunge slurmctld slurmd sinfo scontrol squeue scancel sbatch; do
    command -v "$c" >/dev/null 2>&1 || missing+=("$c")
  done
  if ((${#missing[@]})); then
    fail "missing ${missing[*]}; install with: apt-get install -y --no-install-recommends $PACKAGES"
  fi
}

# Ends a daemon by its pid file: TERM, up to 15 s, then KILL. Only processes this script started have pid files
# in $DIR, so nothing else on the machine is touched.
end_pid() {
  local file="$1" pid
  alive "$file" || return 0
  pid="$(cat "$file")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

start_munge() {
  if [[ ! -f /etc/munge/munge.key ]]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    chown munge:munge /etc/munge/munge.key
    chmod 0400 /etc/munge/munge.key
  fi
  mkdir -p /run/munge
  chown munge:munge /run/munge
  chmod 0755 /run/munge
  # A munged already running (another user of munge on this machine) serves us as well; leave it alone.
  if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    return 0
  fi
  runuser -u munge -- munged
  for _ in $(seq 50); do
    if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
      cp /run/munge/munged.pid "$DIR/munged.pid"
      return 0
    fi
    sleep 0.2
  done
  fail "munged did not start (munge -n | unmunge fails); see /var/log/munge/munged.log"
}

write_conf() {
  local host cpus mem
  host="$(hostname)"
  cpus="$(nproc)"
  # What slurmd measures itself, so the node is not drained for "Low RealMemory"; --mem requests need it.
  mem="$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')"
  mkdir -p "$DIR/state" "$DIR/spool"
  cat >"$CONF" <<CONF
ClusterName=ganstudio
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/pgid
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
NodeName=$host CPUs=$cpus RealMemory=${mem:-1} State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  echo "export SLURM_CONF=$CONF" >"$DIR/env"
}

start() {
  if answers; then
    say "already running"
    cat "$DIR/env"
    return 0
  fi
  [[ $EUID -eq 0 ]] || fail "start needs root (munged runs as the munge user, slurmd as root)"
  need_commands
  # Leftovers of a cluster that died: end what it had started, then begin afresh.
  end_pid "$DIR/slurmd.pid"
  end_pid "$DIR/slurmctld.pid"
  rm -rf "$DIR/state" "$DIR/spool"
  mkdir -p "$DIR"
  start_munge
  write_conf
  slurmctld -f "$CONF"
  slurmd -f "$CONF"
  for _ in $(seq 60); do
    if SLURM_CONF="$CONF" sinfo -h -o %T 2>/dev/null | grep -qx idle; then
      say "started (node $(hostname), $(nproc) CPUs, partition local; folder $DIR)"
      cat "$DIR/env"
      return 0
    fi
    sleep 0.5
  done
  tail -n 20 "$DIR/slurmctld.log" "$DIR/slurmd.log" >&2 || true
  fail "the node did not come up idle within 30 s (logs above, in $DIR)"
}

stop() {
  if [[ ! -d "$DIR" ]]; then
    say "not running"
    return 0
  fi
  if answers; then
    # slurmd's shutdown leaves running jobs' processes behind: cancel every job first (only this cluster's).
    local jobs
    jobs="$(SLURM_CONF="$CONF" squeue -h -o %F | sort -u | tr '\n' ' ')"
    if [[ -n "${jobs// /}" ]]; then
      # shellcheck disable=SC2086
      SLURM_CONF="$CONF" scancel $jobs || true
      for _ in $(seq 90); do
        [[ -z "$(SLURM_CONF="$CONF" squeue -h -o %i 2>/dev/null)" ]] && break
        sleep 0.5
      done
    fi
    SLURM_CONF="$CONF" scontrol shutdown >/dev/null 2>&1 || true
    for _ in $(seq 40); do
      alive "$DIR/slurmctld.pid" || alive "$DIR/slurmd.pid" || break
      sleep 0.5
    done
  fi
  end_pid "$DIR/slurmd.pid"
  end_pid "$DIR/slurmctld.pid"
  end_pid "$DIR/munged.pid"
  rm -rf "$DIR"
  say "stopped"
}

status() {
  if answers; then
    say "running: $(SLURM_CONF="$CONF" sinfo -h -o '%P %D node(s) %T %c CPUs')"
    cat "$DIR/env"
  else
    say "not running"
    exit 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
