#!/bin/sh
# tests/slurm-lab/lab.sh: a private one-node Slurm 22.05 cluster with
# accounting (munged, MariaDB, slurmdbd, slurmctld, slurmd), everything
# under DIR and on loopback; see ../shared/SLURM-LAB.md for why each
# setting is there.  Needs root.
#
#   lab.sh install      install the Debian packages that are missing
#   lab.sh start DIR    start the cluster "lab" in the empty DIR, with
#                       users labann, labbob (group labphys, account phys)
#                       and labcho (group labchem, account chem); the
#                       unix users and groups are made once and kept
#   lab.sh stop DIR     stop every daemon started there, by its pid file
#
# Clients need SLURM_CONF=DIR/etc/slurm.conf.
set -eu

PACKAGES="munge mariadb-server slurmdbd slurm-wlm-mysql-plugin slurmctld
slurmd slurm-client libslurm-dev"
DBPORT=${LAB_DBPORT:-13306}
PORT=${LAB_PORT:-16817}

say() { printf 'slurm-lab: %s\n' "$*" >&2; }

apt_install() {
	env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends "$@" </dev/null >/dev/null 2>&1
}

install() {
	missing=
	for p in $PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	say "installing:$missing"
	# no service may start from the packages' scripts
	had_policy=0
	[ -e /usr/sbin/policy-rc.d ] && had_policy=1
	[ "$had_policy" -eq 1 ] || printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
	chmod +x /usr/sbin/policy-rc.d
	rc=0
	# shellcheck disable=SC2086
	apt_install $missing || { apt-get update -qq >/dev/null 2>&1 &&
		apt_install $missing; } || rc=$?
	[ "$had_policy" -eq 1 ] || rm -f /usr/sbin/policy-rc.d
	return $rc
}

# wait_for SECONDS COMMAND...: until COMMAND succeeds; 1 on timeout.
wait_for() {
	n=$(($1 * 5))
	shift
	while [ "$n" -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.2
		n=$((n - 1))
	done
	return 1
}

write_configs() {
	L=$1
	host=$(hostname -s)
	cat >"$L/etc/my.cnf" <<EOC
[mysqld]
datadir=$L/db
socket=$L/run/mysql.sock
port=$DBPORT
bind-address=127.0.0.1
skip-name-resolve
pid-file=$L/run/mysqld.pid
log-error=$L/log/mysqld.log
user=mysql
EOC
	cat >"$L/etc/slurmdbd.conf" <<EOC
AuthType=auth/munge
AuthInfo=socket=$L/munge/munge.socket
DbdAddr=127.0.0.1
DbdHost=localhost
DbdPort=$((PORT + 2))
SlurmUser=slurm
LogFile=$L/log/slurmdbd.log
PidFile=$L/run/slurmdbd.pid
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=$DBPORT
StorageUser=slurm
StoragePass=lab
StorageLoc=slurm_acct_db
CommunicationParameters=NoInAddrAny
EOC
	chown slurm:slurm "$L/etc/slurmdbd.conf"
	chmod 600 "$L/etc/slurmdbd.conf"
	cat >"$L/etc/slurm.conf" <<EOC
ClusterName=lab
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
AuthType=auth/munge
AuthInfo=socket=$L/munge/munge.socket,cred_expire=30
CryptoType=crypto/munge
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
SlurmUser=slurm
StateSaveLocation=$L/state
SlurmdSpoolDir=$L/spool
SlurmctldPidFile=$L/run/slurmctld.pid
SlurmdPidFile=$L/run/slurmd.pid
SlurmctldLogFile=$L/log/slurmctld.log
SlurmdLogFile=$L/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=5
JobAcctGatherParams=OverMemoryKill
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoragePort=$((PORT + 2))
AccountingStoragePass=socket=$L/munge/munge.socket
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=256
KillWait=2
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
SchedulerParameters=sched_interval=2
SlurmdParameters=config_overrides
NodeName=$host CPUs=8 RealMemory=16000 State=UNKNOWN
PartitionName=batch Nodes=$host Default=YES MaxTime=INFINITE State=UP
PartitionName=short Nodes=$host MaxTime=60 State=UP
EOC
}

start_munge() {
	L=$1
	dd if=/dev/urandom bs=1 count=1024 of="$L/munge/munge.key" 2>/dev/null
	chown -R munge:munge "$L/munge"
	chmod 700 "$L/munge"
	chmod 400 "$L/munge/munge.key"
	runuser -u munge -- /usr/sbin/munged --key-file="$L/munge/munge.key" \
	    --socket="$L/munge/munge.socket" --pid-file="$L/munge/munged.pid" \
	    --log-file="$L/munge/munged.log" --seed-file="$L/munge/seed" -f \
	    >/dev/null 2>&1
	chmod 755 "$L/munge"
}

start_mariadb() {
	L=$1
	mysql_install_db --user=mysql --datadir="$L/db" \
	    --auth-root-authentication-method=normal >"$L/log/install-db.log" 2>&1
	chown -R mysql:mysql "$L/db"
	/usr/sbin/mariadbd --defaults-file="$L/etc/my.cnf" \
	    >"$L/log/mariadbd.out" 2>&1 </dev/null &
	wait_for 30 test -S "$L/run/mysql.sock" || { say "MariaDB did not start"; return 1; }
	mysql --socket="$L/run/mysql.sock" -uroot -e "
	    CREATE USER 'slurm'@'localhost' IDENTIFIED BY 'lab';
	    GRANT ALL ON *.* TO 'slurm'@'localhost';
	    CREATE USER 'slurm'@'127.0.0.1' IDENTIFIED BY 'lab';
	    GRANT ALL ON *.* TO 'slurm'@'127.0.0.1';"
}

add_users() {
	getent group labphys >/dev/null || groupadd labphys
	getent group labchem >/dev/null || groupadd labchem
	for u in labann:labphys labbob:labphys labcho:labchem; do
		id "${u%%:*}" >/dev/null 2>&1 ||
			useradd -M -N -g "${u#*:}" -s /bin/sh "${u%%:*}"
	done
	sacctmgr -i add account phys,chem cluster=lab >/dev/null
	sacctmgr -i add user labann,labbob account=phys cluster=lab >/dev/null
	sacctmgr -i add user labcho account=chem cluster=lab >/dev/null
}

start() {
	L=$1
	[ "$(id -u)" -eq 0 ] || { say "needs root"; return 1; }
	mkdir -p "$L/etc" "$L/state" "$L/spool" "$L/log" "$L/run" "$L/munge" "$L/db"
	chown slurm:slurm "$L/state" "$L/spool" "$L/log" "$L/run"
	chmod 755 "$L"
	chmod 777 "$L/run"
	write_configs "$L"
	SLURM_CONF=$L/etc/slurm.conf
	export SLURM_CONF
	start_munge "$L"
	start_mariadb "$L"
	/usr/sbin/slurmdbd
	wait_for 30 sacctmgr -i list cluster || { say "slurmdbd did not answer"; return 1; }
	sacctmgr -i add cluster lab >/dev/null
	add_users
	/usr/sbin/slurmctld -f "$L/etc/slurm.conf"
	/usr/sbin/slurmd -f "$L/etc/slurm.conf"
	wait_for 40 sh -c 'sinfo -h -o %T | grep -q idle' ||
		{ say "the node did not come up"; return 1; }
	say "cluster lab up in $L"
}

# stop_pid FILE: stop the process in FILE, then wait for it to go.
stop_pid() {
	[ -s "$1" ] || return 0
	pid=$(cat "$1")
	kill "$pid" 2>/dev/null || return 0
	n=50
	while [ "$n" -gt 0 ] && [ -d "/proc/$pid" ] &&
	    ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$pid/stat" 2>/dev/null; do
		sleep 0.2
		n=$((n - 1))
	done
	[ "$n" -gt 0 ] || kill -9 "$pid" 2>/dev/null || :
}

stop() {
	L=$1
	for f in slurmd slurmctld slurmdbd mysqld; do
		stop_pid "$L/run/$f.pid"
	done
	stop_pid "$L/munge/munged.pid"
}

case ${1:-} in
install) install ;;
start) start "${2:?lab.sh start DIR}" ;;
stop) stop "${2:?lab.sh stop DIR}" ;;
*) echo "usage: lab.sh install | start DIR | stop DIR" >&2; exit 2 ;;
esac
