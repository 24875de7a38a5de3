package cn.qinqing.identity.login;

import cn.qinqing.identity.user.UserDirectory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * How the login form checks a user name and password: against the user directory's hashes, behind the
 * {@link LoginAttempts} throttle. The manager has no parent, so a throttled attempt cannot fall through to another
 * check of the password.
 */
@Component
public class LoginAuthentication {

    private final AuthenticationManager manager;

    LoginAuthentication(UserDirectory users, PasswordEncoder passwordEncoder, LoginAttempts attempts) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users.credentials());
        passwords.setPasswordEncoder(passwordEncoder);
        this.manager = new ProviderManager(new Throttled(passwords, attempts));
    }

    public AuthenticationManager manager() {
        return manager;
    }

    private record Throttled(AuthenticationProvider delegate, LoginAttempts attempts)
            implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress()
                    : "";
            String key = LoginAttempts.key(authentication.getName(), address);
            if (attempts.isLocked(key) || attempts.isAddressLocked(address)) {
                throw new TooManyLoginAttemptsException();
            }
            try {
                Authentication result = delegate.authenticate(authentication);
                attempts.succeeded(key);
                return result;
            } catch (AuthenticationException e) {
                attempts.failed(key);
                attempts.failedFrom(address);
                throw e;
            }
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
