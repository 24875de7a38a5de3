package cn.qinqing.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL database every service of one run shares.
 *
 * @param url its JDBC URL
 * @param user the user the services connect as
 * @param password that user's password; empty for trust authentication
 */
public record Database(String url, String user, String password) {

    public Database {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        user = user == null || user.isBlank() ? "postgres" : user;
        password = password == null ? "" : password;
    }

    /** The database called {@code name} on the server that answers at {@code serverUrl}, created if missing. */
    public static Database createIfMissing(String serverUrl, String user, String password, String name) {
        Database server = new Database(serverUrl, user, password);
        try (Connection connection = server.connect()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not reach PostgreSQL at " + serverUrl + " or create database " + name + ": "
                            + e.getMessage(),
                    e);
        }
        return new Database(server.withDatabaseName(name), user, password);
    }

    /** Opens a connection, giving up after a few seconds. */
    public Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(5);
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /** The URL of another database on the same server, keeping the query parameters. */
    String withDatabaseName(String name) {
        int hostStart = url.indexOf("//");
        int slash = hostStart < 0 ? -1 : url.indexOf('/', hostStart + 2);
        int query = url.indexOf('?');
        String base = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        return base + "/" + name + (query < 0 ? "" : url.substring(query));
    }

    /** The URL without a password in its query, fit to print. */
    public String displayUrl() {
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }
}
