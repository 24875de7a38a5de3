package cn.qinqing.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * One fresh PostgreSQL database per test JVM: created on the machine's server at 127.0.0.1:5432 where one answers
 * (CI and developer machines have one), else on an embedded server started for the run. All Spring contexts of the
 * JVM share it; it is dropped when the JVM exits.
 */
public final class TestDatabase {

    private static final String MACHINE_SERVER =
            System.getProperty("qinqing.test.postgres", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getProperty("qinqing.test.postgres.user", "postgres");
    private static volatile TestDatabase instance;

    private final String serverUrl;
    private final String user;
    private final String name;

    private TestDatabase(String serverUrl, String user, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.name = name;
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = create();
                }
            }
        }
        return instance;
    }

    private static TestDatabase create() {
        String name = "qinqing_test_" + ProcessHandle.current().pid() + "_" + Long.toString(System.nanoTime(), 36);
        String server = machineServerAnswers() ? MACHINE_SERVER : embeddedServer();
        return new TestDatabase(server, USER, name).created();
    }

    /**
     * Another fresh database on the same server, {@code <this name>_<suffix>}, also dropped when the JVM exits: for
     * end-to-end tests whose platform must not see the events of the others in this JVM. Each call creates one.
     */
    public TestDatabase another(String suffix) {
        if (!suffix.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a database name suffix is lower-case letters, digits and _: " + suffix);
        }
        return new TestDatabase(serverUrl, user, name + "_" + suffix).created();
    }

    private TestDatabase created() {
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // the server may already be gone; an orphan test database harms nothing
            }
        }));
        return this;
    }

    private static boolean machineServerAnswers() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(MACHINE_SERVER, credentials())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String embeddedServer() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL at 127.0.0.1:5432 and the embedded one did not start", e);
        }
    }

    private static Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        return properties;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, credentials());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + serverUrl, e);
        }
    }

    /** The JDBC URL of this JVM's test database. */
    public String url() {
        int slash = serverUrl.lastIndexOf('/');
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    public String user() {
        return user;
    }

    public String name() {
        return name;
    }
}
