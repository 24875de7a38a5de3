package cn.qinqing.notifications;

import static org.awaitility.Awaitility.await;

import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.directory.DepartmentRegisteredEvent;
import cn.qinqing.language.directory.OfficialRegisteredEvent;
import cn.qinqing.language.enterprise.Contact;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.TestIdentityProvider;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The notifications service on a random port against this JVM's PostgreSQL database, sending its e-mails to a real
 * GreenMail (SMTP, read back over IMAP) and its webhook calls to a real HTTP server in this JVM. What other services
 * publish is appended to the shared event store as they would append it. All tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NotificationsTestBase {

    public static final String ENTERPRISE_A = "91150200MA0QA0001T";
    public static final String ENTERPRISE_B = "91150200MA0QB0002M";
    public static final String MAIL_A = "contact-a@example.com";
    public static final String MAIL_B = "contact-b@example.com";
    public static final String DEPARTMENT = "industry-it";
    public static final String OFFICIAL = "official-n";
    public static final String OFFICIAL_MAIL = "official-n@example.gov.cn";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    /** The webhook answers 500 to every call whose text contains this; 200 otherwise. */
    public static final String FAILING = "必败";

    protected static final TestIdentityProvider tokens = TestIdentityProvider.get();
    protected static final GreenMail mail;
    protected static final int imapPort;
    protected static final HttpServer webhook;
    /** Every call the webhook received: headers of interest and the body. */
    protected static final List<Map<String, String>> webhookCalls = new CopyOnWriteArrayList<>();

    private static volatile boolean registered;

    static {
        org.awaitility.Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        int smtpPort = freePort();
        imapPort = freePort();
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        mail.start();
        try {
            webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            webhookCalls.add(Map.of(
                    "body", body,
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Qinqing-Signature")),
                    "timestamp", String.valueOf(exchange.getRequestHeaders().getFirst("X-Qinqing-Timestamp")),
                    "delivery", String.valueOf(exchange.getRequestHeaders().getFirst("X-Qinqing-Delivery"))));
            exchange.sendResponseHeaders(body.contains(FAILING) ? 500 : 200, -1);
            exchange.close();
        });
        webhook.start();
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add(
                "qinqing.notifications.webhook.url",
                () -> "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
        registry.add("qinqing.notifications.webhook.secret", () -> WEBHOOK_SECRET);
        registry.add("qinqing.notifications.delivery.poll", () -> "100ms");
        registry.add("qinqing.notifications.delivery.max-attempts", () -> "3");
        registry.add("qinqing.notifications.delivery.backoff", () -> "100ms");
        registry.add("qinqing.notifications.delivery.max-backoff", () -> "1s");
        // no quiet hours in the tests (QuietHoursTest covers them)
        registry.add("qinqing.notifications.quiet-hours.start", () -> "00:00");
        registry.add("qinqing.notifications.quiet-hours.end", () -> "00:00");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EventStore eventStore;

    protected HttpApi api;
    protected final String userA = tokens.enterprise("user-a", ENTERPRISE_A);
    protected final String userB = tokens.enterprise("user-b", ENTERPRISE_B);
    protected final String official = tokens.official(OFFICIAL, DEPARTMENT);
    protected final String leader = tokens.withRole("leader-n", "LEADER");

    @BeforeEach
    void connect() {
        api = HttpApi.local(port);
        if (!registered) {
            append("Enterprise", ENTERPRISE_A, 0, enterprise(ENTERPRISE_A, "包头青山光伏材料有限公司", MAIL_A));
            append("Enterprise", ENTERPRISE_B, 0, enterprise(ENTERPRISE_B, "包头稀土高新硅业有限公司", MAIL_B));
            append(
                    "Department",
                    DEPARTMENT,
                    0,
                    new DepartmentRegisteredEvent(DEPARTMENT, "市工业和信息化局", null, Instant.now()));
            append("Official", OFFICIAL, 0, new OfficialRegisteredEvent(OFFICIAL, "王敏", DEPARTMENT, Instant.now()));
            await().until(() -> jdbc.queryForObject("SELECT count(*) FROM enterprise_contact", Long.class) >= 2
                    && jdbc.queryForObject("SELECT count(*) FROM official", Long.class) >= 1);
            // the official gives an address of their own to be written to
            var saved = api.put("/api/notifications/preferences")
                    .token(official)
                    .body(Map.of("language", "zh-CN", "email", OFFICIAL_MAIL, "kinds", List.of()))
                    .send();
            if (saved.status() != 200) {
                throw new AssertionError("preferences not saved: " + saved);
            }
            registered = true;
        }
    }

    private static EnterpriseRegisteredEvent enterprise(String uscc, String name, String email) {
        return new EnterpriseRegisteredEvent(
                uscc,
                name,
                IndustryChainPosition.WAFER,
                "青山区",
                new Contact("王经理", "0472-5550101", email),
                Instant.now());
    }

    /**
     * Appends an event as another service's aggregate would (each aggregate type its own stream, as the services'
     * aggregates of one appeal are).
     */
    protected void append(String aggregateType, String aggregateId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(
                aggregateType, aggregateType.toLowerCase() + "-" + aggregateId, sequence, payload));
    }

    /** The messages in a mailbox, read over IMAP (GreenMail's user is the address, its password too). */
    protected static <T> T inbox(String address, Function<Message[], T> reading) {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(imapPort));
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", imapPort, address, address);
            try {
                Folder folder = store.getFolder("INBOX");
                folder.open(Folder.READ_ONLY);
                try {
                    return reading.apply(folder.getMessages());
                } finally {
                    folder.close(false);
                }
            } finally {
                store.close();
            }
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return reading.apply(new Message[0]); // no mail yet: GreenMail creates the user on the first one
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
