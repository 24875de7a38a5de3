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
