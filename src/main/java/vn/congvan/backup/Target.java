package vn.congvan.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Where a backup is taken from or restored to: a JDBC address and its credentials. */
record Target(String url, String username, String password) {

    Target {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("No database address (--jdbc-url or SPRING_DATASOURCE_URL)");
        }
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (username != null && !username.isBlank()) {
            properties.setProperty("user", username);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "congvan-backup");
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public String toString() {
        return url + " as " + username;
    }
}
