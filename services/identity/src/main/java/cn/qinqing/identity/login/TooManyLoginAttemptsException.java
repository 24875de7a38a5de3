package cn.qinqing.identity.login;

import org.springframework.security.authentication.LockedException;

/** Sign-in refused because this user name failed too often from this address; the password was not checked. */
class TooManyLoginAttemptsException extends LockedException {

    TooManyLoginAttemptsException() {
        super("Too many failed sign-ins; try again later");
    }
}
