package cn.qinqing.bench;

import java.util.ArrayList;
import java.util.List;

/** The command line of {@code ./deploy/bench.sh}. */
final class Options {

    static final String USAGE =
            """
            ./deploy/bench.sh [--quick | --full] [options]
              --quick               the default: ~3-4 minutes (10 s phases, 50,000 events for the replay)
              --full                also P4: grows the store to --growth-events (10,000,000) and files again
              --duration=S          seconds of each load phase (raw inserts, closed, open, propagation): 10 quick, 30 full
              --clients=N           concurrent clients of the raw baseline and the closed model (8)
              --enterprises=N       enterprises filing, round-robin (16, at most 99): assignment routes each one's
                                    filings in order, so one enterprise would measure a strictly sequential routing
              --open-rate=R         filings/s of the open model (default: 0.8 x the closed model's rate)
              --events=K            events in the store for the replay (P3): 50000 quick, 200000 full
              --supervisor-reads=N  timeline reads, then KPI reads, on the replayed store (P3's) after VACUUM ANALYZE,
                                    one after another; the timelines read once more before, not counted (20)
              --timeline-reads=N    timeline reads instead of --supervisor-reads (a timeline read takes milliseconds,
                                    a KPI read over a million appeals seconds: more of them make a steadier p50)
              --growth-events=K     events in the store for P4 (--full): 10000000
              --services=a,b        services to start and keep (default: every built one for P5, as ./deploy/run.sh; then
                                    all but identity, appeals, assignment and oversight stop before the load)
              --no-cds              start the services without class data sharing (default: with, as ./deploy/run.sh;
                                    archives in .run/cds, recorded by the first start after a build)
              --service-heap=SIZE   each service's maximum heap instead of the launcher's 256m, e.g. 512m
              --start-timeout=S     how long the services may take to become healthy (300 s)
              --batch-size=N        the processors' batch size (platform default 100), to measure a tuning
              --coalesce=MS         events arriving within this many ms of the last wake-up wake the processors once
                                    (platform default 5), to measure batching against latency
              --segments=N          segments of a processor that starts on an empty token table (platform default 1)
              --database-url=URL    a JDBC URL of an existing database (default: a fresh qinqing_bench_<time> on
                                    jdbc:postgresql://127.0.0.1:5432/postgres, dropped at the end)
              --keep-database       do not drop the fresh database at the end
              --profile             record appeals and assignment with JFR during the closed model (.run/bench/<service>.jfr)
            """;

    boolean full;
    int durationSeconds = 10;
    int clients = 8;
    int enterprises = 16;
    Double openRate;
    long events = 50_000;
    boolean eventsGiven;
    long growthEvents = 10_000_000;
    int supervisorReads = 20;
    /** Null: as many as {@link #supervisorReads}. */
    Integer timelineReads;
    /** The services the load needs; the others run only for P5. */
    static final List<String> LOAD_SERVICES = List.of("identity", "appeals", "assignment", "oversight");

    /** Null: every built service for P5, then only {@link #LOAD_SERVICES}. */
    List<String> services;

    boolean classDataSharing = true;
    Integer batchSize;
    Integer coalesceMillis;
    Integer segments;
    String serviceHeap;
    int startTimeoutSeconds = 300;
    String databaseUrl;
    String serverUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
    boolean keepDatabase;
    boolean profile;
    boolean durationGiven;

    static Options parse(String[] args) {
        Options options = new Options();
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--quick" -> options.full = false;
                case "--full" -> options.full = true;
                case "--duration" -> {
                    options.durationSeconds = Integer.parseInt(value);
                    options.durationGiven = true;
                }
                case "--clients" -> options.clients = Integer.parseInt(value);
                case "--enterprises" -> options.enterprises = Integer.parseInt(value);
                case "--open-rate" -> options.openRate = Double.parseDouble(value);
                case "--events" -> {
                    options.events = Long.parseLong(value);
                    options.eventsGiven = true;
                }
                case "--growth-events" -> options.growthEvents = Long.parseLong(value);
                case "--supervisor-reads" -> options.supervisorReads = Integer.parseInt(value);
                case "--timeline-reads" -> options.timelineReads = Integer.parseInt(value);
                case "--services" -> options.services = new ArrayList<>(List.of(value.split(",")));
                case "--service-heap" -> options.serviceHeap = value;
                case "--start-timeout" -> options.startTimeoutSeconds = Integer.parseInt(value);
                case "--batch-size" -> options.batchSize = Integer.parseInt(value);
                case "--coalesce" -> options.coalesceMillis = Integer.parseInt(value);
                case "--segments" -> options.segments = Integer.parseInt(value);
                case "--database-url" -> options.databaseUrl = value;
                case "--keep-database" -> options.keepDatabase = true;
                case "--profile" -> options.profile = true;
                case "--no-cds" -> options.classDataSharing = false;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        if (options.full && !options.durationGiven) {
            options.durationSeconds = 30;
        }
        if (options.full && !options.eventsGiven) {
            options.events = 200_000;
        }
        if (options.clients < 1
                || options.clients > 64
                || options.durationSeconds < 1
                || options.durationSeconds > 600) {
            throw new IllegalArgumentException("--clients must be 1..64 and --duration 1..600 s");
        }
        // identity gets six command-line arguments per enterprise
        if (options.enterprises < 1 || options.enterprises > 99) {
            throw new IllegalArgumentException("--enterprises must be 1..99");
        }
        return options;
    }
}
