package cn.qinqing.portal.service;

/** The user's tokens are gone or were refused (expired refresh token, revoked session): they sign in again. */
public final class SignInRequiredException extends RuntimeException {

    public SignInRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
