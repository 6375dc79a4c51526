namespace BackendStack.Operator.PerconaClusters.Builders;

/// <summary>
/// The operator's own scripts in each node (ConfigMap keys under <see cref="PerconaClusterNames.ConfigDirectory"/>).
/// start.sh never guesses a bootstrap: ordinal 0 starts a new cluster only when it has no data and the operator
/// wrote <c>bootstrap: new-cluster</c> (no node held data when the cluster was made); every other start records
/// the node's last committed position (grastate.dat after a clean stop, <c>--wsrep-recover</c> after a crash) and
/// joins the peers, waiting in a non-Primary component (pc.wait_prim=FALSE) when none is Primary. After a full
/// crash the operator reads each node's position (seqno.sh, through pods/exec) and runs bootstrap.sh in the node
/// with the highest: it leaves a marker and stops the waiting mysqld, and start.sh starts it again as the new
/// Primary component, which the others, still waiting, join. pc.recovery is off so that only the operator
/// bootstraps. Every step is logged.
/// </summary>
internal static class NodeScripts
{
    public const string Start = """
        #!/bin/sh
        # PerconaCluster node: the operator decides every bootstrap; this script follows and says what it did.
        set -u
        datadir=/var/lib/mysql
        config=/etc/mysql/backendstack/node.cnf
        # spec.mysqlConfig's wsrep_provider_options; the operator's own follow and win.
        extra=$(cat /etc/mysql/backendstack/provider-options 2>/dev/null)
        marker=$datadir/backendstack-bootstrap
        position=$datadir/backendstack-position
        me=$(hostname)
        ordinal=${me##*-}
        child=
        say() { echo "backendstack-start: $*"; }

        stop() {
          say "stopping mysqld (signal)"
          [ -n "$child" ] && kill -TERM "$child" 2>/dev/null && wait "$child"
          exit 0
        }
        trap stop TERM INT

        # Every other ordinal of the cluster, once its name resolves (the headless Service lists pods before they are
        # ready); at most 30 s, then whatever resolves: one reachable member is enough to join.
        peers() {
          tries=0
          while :; do
            list= missing=0 i=0
            while [ "$i" -lt "${CLUSTER_SIZE:-1}" ]; do
              if [ "$i" != "$ordinal" ]; then
                host="$STATEFULSET-$i.$PEER_SERVICE"
                if getent hosts "$host" >/dev/null 2>&1; then list="$list${list:+,}$host"; else missing=$((missing + 1)); fi
              fi
              i=$((i + 1))
            done
            if [ "$missing" = 0 ] || [ "$tries" -ge 60 ]; then echo "$list"; return; fi
            tries=$((tries + 1))
            sleep 0.5
          done
        }

        # The last committed position, for the operator's choice after a full crash: grastate.dat after a clean stop,
        # InnoDB's own record (--wsrep-recover) after a crash, when grastate.dat says -1.
        record_position() {
          uuid= seqno=-1 safe=0
          if [ -f "$datadir/grastate.dat" ]; then
            uuid=$(sed -n 's/^uuid:[[:space:]]*//p' "$datadir/grastate.dat")
            seqno=$(sed -n 's/^seqno:[[:space:]]*//p' "$datadir/grastate.dat")
            safe=$(sed -n 's/^safe_to_bootstrap:[[:space:]]*//p' "$datadir/grastate.dat")
          fi
          if [ "${seqno:--1}" = -1 ] && [ -d "$datadir/mysql" ]; then
            log=$datadir/backendstack-recover.log
            rm -f "$log"
            # The cluster address only satisfies the SST method's check: a recovery run never connects.
            mysqld --defaults-extra-file="$config" --wsrep-recover --wsrep-cluster-address=gcomm:// >"$log" 2>&1
            recovered=$(sed -n 's/.*WSREP: Recovered position: *\([^ ]*\).*/\1/p' "$log" 2>/dev/null | tail -n 1)
            [ -n "$recovered" ] || tail -n 5 "$log"
            if [ -n "$recovered" ]; then uuid=${recovered%:*} seqno=${recovered##*:}; fi
            say "recovered position ${recovered:-none} from InnoDB"
          fi
          printf 'uuid=%s\nseqno=%s\nsafe_to_bootstrap=%s\n' "$uuid" "${seqno:--1}" "${safe:-0}" > "$position.tmp" && mv "$position.tmp" "$position"
        }

        while :; do
          rm -f "$position" "$datadir/backendstack-mysqld.pid"
          record_position
          if [ -f "$marker" ]; then
            rm -f "$marker"
            [ -f "$datadir/grastate.dat" ] && sed -i 's/^safe_to_bootstrap:.*/safe_to_bootstrap: 1/' "$datadir/grastate.dat"
            say "bootstrapping a new Primary component from seqno $(sed -n 's/^seqno=//p' "$position"), as the operator decided"
            set -- --wsrep-new-cluster --wsrep-cluster-address=gcomm://
          elif [ ! -d "$datadir/mysql" ] && [ "$ordinal" = 0 ] && [ "${BOOTSTRAP:-}" = new-cluster ]; then
            say "starting a new cluster: no node holds data yet"
            set -- --wsrep-new-cluster --wsrep-cluster-address=gcomm://
          else
            address="gcomm://$(peers)"
            say "joining $address"
            set -- --wsrep-cluster-address="$address"
          fi
          start=
          [ "$(sed -n 's/^seqno=//p' "$position")" != -1 ] && start="--wsrep-start-position=$(sed -n 's/^uuid=//p' "$position"):$(sed -n 's/^seqno=//p' "$position")"
          mysqld --defaults-extra-file="$config" --wsrep-node-name="$me" \
            --wsrep-provider-options="${extra:+$extra;}pc.recovery=FALSE;pc.wait_prim=FALSE" ${start:+"$start"} "$@" &
          child=$!
          echo "$child" > "$datadir/backendstack-mysqld.pid"
          wait "$child"
          code=$?
          child=
          if [ -f "$marker" ]; then
            say "mysqld stopped for the operator's bootstrap"
            continue
          fi
          say "mysqld exited with code $code"
          exit "$code"
        done
        """;

    /// <summary>Readiness: the node is Synced, or a Donor that a backup desynced on purpose (it still serves).</summary>
    public const string Ready = """
        #!/bin/sh
        out=$(MYSQL_PWD="$MONITOR_PASSWORD" mysql --protocol=TCP -h "$(hostname -i)" -umonitor -N -B -e \
          "SELECT VARIABLE_VALUE, @@wsrep_desync FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_LOCAL_STATE_COMMENT'" 2>/dev/null) || exit 1
        case "$out" in
          Synced*) exit 0 ;;
          Donor/Desynced*1) exit 0 ;;
        esac
        echo "wsrep_local_state_comment: ${out%%	*}"
        exit 1
        """;

    /// <summary>Prints the position start.sh recorded at this start: uuid=, seqno=, safe_to_bootstrap=.</summary>
    public const string Position = """
        #!/bin/sh
        cat /var/lib/mysql/backendstack-position
        """;

    /// <summary>
    /// Run by the operator in the node it chose: refuses when the node's position is no longer the one the choice was
    /// made on ($1), else leaves the marker and stops the waiting mysqld; start.sh starts it again as the bootstrap node.
    /// </summary>
    public const string Bootstrap = """
        #!/bin/sh
        datadir=/var/lib/mysql
        seqno=$(sed -n 's/^seqno=//p' "$datadir/backendstack-position" 2>/dev/null)
        if [ "$seqno" != "$1" ]; then echo "position is seqno ${seqno:-unknown}, not $1: not bootstrapping" >&2; exit 3; fi
        pid=$(cat "$datadir/backendstack-mysqld.pid" 2>/dev/null)
        if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then echo "mysqld is not running" >&2; exit 4; fi
        echo "$1" > "$datadir/backendstack-bootstrap"
        # A mysqld that waits for a Primary component handles no signal before it joins one, and has applied nothing
        # since it started: kill -9 is immediate and safe (InnoDB recovers its own log at the next start).
        kill -KILL "$pid"
        echo "bootstrapping from seqno $1"
        """;
}
