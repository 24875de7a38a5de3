package cn.qinqing.identity.login;

import java.time.Instant;

/** Where {@link LoginAttempts} keeps failed sign-ins: by kind (a user at an address, an address) and key. */
interface LoginFailures {

    /** Counts one failure at {@code at}; failures before {@code horizon} may be forgotten now. */
    void record(String kind, String key, Instant at, Instant horizon);

    /** The failures of this key after {@code horizon}. */
    int count(String kind, String key, Instant horizon);

    void clear(String kind, String key);
}
