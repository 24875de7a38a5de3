package cn.qinqing.notifications.feed;

import cn.qinqing.notifications.notice.Recipient;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.InvalidRequestException;
import cn.qinqing.platform.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own feed; someone else's notification does not exist for them (404). */
@RestController
@RequestMapping("/api/notifications")
class FeedController {

    private final Feed feed;

    FeedController(Feed feed) {
        this.feed = feed;
    }

    @GetMapping
    List<Feed.Entry> list(
            @RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit", "must be between 1 and 200");
        }
        return feed.latest(Recipient.of(Actor.require()), unread, limit);
    }

    @GetMapping("/unread")
    Map<String, Long> unread() {
        return Map.of("count", feed.unread(Recipient.of(Actor.require())));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable UUID id) {
        if (!feed.markRead(Recipient.of(Actor.require()), id, Instant.now())) {
            throw new NotFoundException("no notification " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    ResponseEntity<Void> readAll() {
        feed.markAllRead(Recipient.of(Actor.require()), Instant.now());
        return ResponseEntity.noContent().build();
    }
}
