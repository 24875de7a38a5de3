package cn.qinqing.bench;

/** The command line of {@code ./deploy/soak.sh}. */
final class SoakOptions {

    static final String USAGE =
            """
            ./deploy/soak.sh [--minutes=N] [options]
              --minutes=N           how long the mixed load runs (60; 5 for a quick run); a report every minute
              --rate=R              appeals filed per second, each then worked through to its rating (0.5)
              --enterprises=N       client-credentials enterprises filing in turn, besides the demo users (8)
              --window=N            minutes compared at the start and at the end for the verdict (10, or a third of
                                    a shorter run)
              --database-url=URL    a JDBC URL of an existing database (default: a PostgreSQL server of the soak's
                                    own, the launcher's embedded one, data in .run/soak-postgres, deleted at the end)
              --machine-server      a fresh qinqing_soak_<time> on jdbc:postgresql://127.0.0.1:5432/postgres instead,
                                    dropped at the end (shared: other builds may take its 100 connections)
              --keep-database       do not drop the fresh database (or delete the own server's data) at the end
              --start-timeout=S     how long the services may take to become healthy (900 s: a loaded machine)
            """;

    int minutes = 60;
    double rate = 0.5;
    int enterprises = 8;
    Integer window;
    String databaseUrl;
    String serverUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
    boolean keepDatabase;
    boolean machineServer;
    int startTimeoutSeconds = 900;

    static SoakOptions parse(String[] args) {
        SoakOptions options = new SoakOptions();
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--minutes" -> options.minutes = Integer.parseInt(value);
                case "--rate" -> options.rate = Double.parseDouble(value);
                case "--enterprises" -> options.enterprises = Integer.parseInt(value);
                case "--window" -> options.window = Integer.parseInt(value);
                case "--database-url" -> options.databaseUrl = value;
                case "--keep-database" -> options.keepDatabase = true;
                case "--machine-server" -> options.machineServer = true;
                case "--start-timeout" -> options.startTimeoutSeconds = Integer.parseInt(value);
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        if (options.minutes < 2 || options.rate <= 0 || options.rate > 20) {
            throw new IllegalArgumentException("--minutes must be 2 or more and --rate 0..20 per second");
        }
        if (options.enterprises < 1 || options.enterprises > 99) {
            throw new IllegalArgumentException("--enterprises must be 1..99");
        }
        return options;
    }

    /** Minutes compared at the start and at the end: 10, or a third of a shorter run. */
    int window() {
        return window != null ? window : Math.max(1, Math.min(10, minutes / 3));
    }
}
