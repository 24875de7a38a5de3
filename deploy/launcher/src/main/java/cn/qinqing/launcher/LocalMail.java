package cn.qinqing.launcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;

/**
 * The local SMTP server the notifications service sends its e-mails to, with IMAP to read them (GreenMail, in the
 * launcher's JVM). Every address is a mailbox created on its first message; sign in over IMAP with the address as user
 * name and password. Mail lives in memory and is gone when the launcher stops: it is for looking, not for keeping.
 */
public final class LocalMail implements AutoCloseable {

    public static final int SMTP_PORT = 3025;
    public static final int IMAP_PORT = 3143;
    public static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private LocalMail(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)
        });
    }

    /** Starts SMTP and IMAP on these ports of 127.0.0.1; refused if either is in use. */
    public static LocalMail start(int smtpPort, int imapPort) {
        LocalMail mail = new LocalMail(smtpPort, imapPort);
        try {
            mail.greenMail.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "the local mail server could not listen on " + HOST + ":" + smtpPort + " (SMTP) and " + HOST + ":"
                            + imapPort + " (IMAP); free the ports or choose another --port-offset: " + e.getMessage(),
                    e);
        }
        return mail;
    }

    /** What the notifications service is told so that it sends here. */
    public List<String> arguments() {
        return List.of("--spring.mail.host=" + HOST, "--spring.mail.port=" + smtpPort);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** How many messages arrived so far. */
    public int received() {
        return greenMail.getReceivedMessages().length;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
