package cn.qinqing.projects.market.command;

/** The caller may read the market but does not broker it (an official of another department): 403. */
public class NotABroker extends RuntimeException {
    public NotABroker(String message) {
        super(message);
    }
}
