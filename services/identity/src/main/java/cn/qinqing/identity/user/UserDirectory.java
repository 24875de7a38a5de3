package cn.qinqing.identity.user;

import cn.qinqing.language.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** The users table: who may sign in, with which password hash, in which role. */
@Repository
public class UserDirectory {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;

    UserDirectory(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public Optional<UserAccount> find(String username) {
        List<UserAccount> found = jdbc.query(
                "SELECT username, role, enterprise_id, department_id, display_name, enabled FROM users WHERE username = ?",
                UserDirectory::account,
                username);
        return found.stream().findFirst();
    }

    /** Every user, by user name. */
    public List<UserAccount> all() {
        return jdbc.query(
                "SELECT username, role, enterprise_id, department_id, display_name, enabled FROM users ORDER BY username",
                UserDirectory::account);
    }

    /** Changes the user's name, role, enterprise, department and whether they may sign in; not the password. */
    public void update(UserAccount account) {
        jdbc.update(
                "UPDATE users SET role = ?, enterprise_id = ?, department_id = ?, display_name = ?, enabled = ?"
                        + " WHERE username = ?",
                account.role().name(),
                account.enterpriseId(),
                account.departmentId(),
                account.displayName(),
                account.enabled(),
                account.username());
    }

    public void setPassword(String username, String rawPassword) {
        jdbc.update(
                "UPDATE users SET password_hash = ? WHERE username = ?", passwordEncoder.encode(rawPassword), username);
    }

    /**
     * Ends what the user's earlier sign-ins still hold: their authorizations (refresh tokens) are deleted, so no client
     * gets a new access token for them; access tokens already issued run out within their lifetime (30 min).
     */
    public void endSessions(String username) {
        jdbc.update("DELETE FROM oauth2_authorization WHERE principal_name = ?", username);
    }

    /**
     * Adds the user unless one of that name exists (an existing user is left as it is).
     *
     * @return whether the user was added
     */
    public boolean addIfMissing(UserAccount account, String rawPassword) {
        return jdbc.update(
                        """
                        INSERT INTO users (username, password_hash, role, enterprise_id, department_id, display_name, enabled)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (username) DO NOTHING
                        """,
                        account.username(),
                        passwordEncoder.encode(rawPassword),
                        account.role().name(),
                        account.enterpriseId(),
                        account.departmentId(),
                        account.displayName(),
                        account.enabled())
                == 1;
    }

    /**
     * The users as Spring Security reads them at sign-in: Spring's own {@link User} (whose JSON form the authorization
     * store knows), with the role as its one authority. What the tokens say about a user is read from
     * {@link #find(String)} when they are issued.
     */
    public UserDetailsService credentials() {
        return username -> jdbc
                .query(
                        "SELECT username, password_hash, role, enabled FROM users WHERE username = ?",
                        (rs, row) -> User.withUsername(rs.getString("username"))
                                .password(rs.getString("password_hash"))
                                .authorities(new SimpleGrantedAuthority("ROLE_" + rs.getString("role")))
                                .disabled(!rs.getBoolean("enabled"))
                                .build(),
                        username)
                .stream()
                .findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getString("username"),
                Role.valueOf(rs.getString("role")),
                rs.getString("enterprise_id"),
                rs.getString("department_id"),
                rs.getString("display_name"),
                rs.getBoolean("enabled"));
    }
}
