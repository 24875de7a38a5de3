package cn.qinqing.language.resolution;

/** Which clock ran out. */
public enum DeadlineKind {
    /** Dispatch from the queue (派单时限). */
    DISPATCH,
    /** Sign-for by the department (签收时限). */
    SIGN_FOR,
    /** First contact with the enterprise (首次联系时限). */
    FIRST_CONTACT,
    /** The answer (办结时限). */
    RESOLUTION,
    /** A leader's supervision notice (督办时限). */
    SUPERVISION
}
