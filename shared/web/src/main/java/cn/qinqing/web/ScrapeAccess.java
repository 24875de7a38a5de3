package cn.qinqing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Who may read a service's metrics ({@code /actuator/prometheus}) without a user token: a scraper that connects
 * directly from one of the networks the operator names in {@code qinqing.metrics.scrape-from} (CIDR blocks, comma
 * separated; loopback only by default). A request that came through a proxy (it carries {@code Forwarded} or
 * {@code X-Forwarded-For}, which the platform's proxies add) is never a scrape, even from an allowed address: the
 * proxy may sit on the same machine as the service, and would otherwise open the metrics to the whole internet.
 *
 * <p>Why not a management port: every service's health check, its probes and the launcher use the application port,
 * and Spring Boot moves all actuator endpoints together. See docs/operations.md, "Metrics".
 */
public final class ScrapeAccess {

    /** The property naming the networks a scraper may connect from. */
    public static final String PROPERTY = "qinqing.metrics.scrape-from";

    /** Loopback, IPv4 and IPv6: a Prometheus on the same machine (the launcher, the tests). */
    public static final String DEFAULT = "127.0.0.0/8,::1/128";

    /** The path a scraper reads. */
    public static final String PATH = "/actuator/prometheus";

    private final List<Block> blocks;

    private ScrapeAccess(List<Block> blocks) {
        this.blocks = blocks;
    }

    /**
     * @param cidrs comma-separated CIDR blocks ({@code 10.42.0.0/16, ::1/128}); a bare address means that address
     *     only; empty means nowhere
     * @throws IllegalArgumentException naming the block that is not one
     */
    public static ScrapeAccess from(String cidrs) {
        return new ScrapeAccess(Arrays.stream(cidrs == null ? new String[0] : cidrs.split(","))
                .map(String::trim)
                .filter(block -> !block.isEmpty())
                .map(Block::parse)
                .toList());
    }

    /** Whether the request asks for the metrics (exactly their path: no suffix, no parameters in the path). */
    public static boolean isScrapePath(HttpServletRequest request) {
        return PATH.equals(request.getRequestURI());
    }

    /** Whether this request may read the metrics without a token. */
    public boolean allows(HttpServletRequest request) {
        if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null) {
            return false;
        }
        InetAddress remote;
        try {
            remote = InetAddress.getByName(request.getRemoteAddr());
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
        return blocks.stream().anyMatch(block -> block.contains(remote));
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            // only literal addresses: a host name here would be looked up in DNS at start-up
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException(PROPERTY + ": '" + cidr + "' is not an address or CIDR block");
            }
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException(PROPERTY + ": '" + cidr + "' has a prefix out of range");
                }
                return new Block(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException(PROPERTY + ": '" + cidr + "' is not an address or CIDR block", e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[whole] & mask) == (network[whole] & mask);
        }
    }
}
