package cn.qinqing.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.platform.idempotency.IdempotentCreates;
import cn.qinqing.platform.web.ETags;
import cn.qinqing.platform.web.FreshReads;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class HandlerFactsTest {

    @Test
    void aCreateIsA201WithItsLocationAndETag() {
        HandlerFacts facts = facts("create");
        assertThat(facts.successStatuses()).containsExactly(201);
        assertThat(facts.location()).isTrue();
        assertThat(facts.etag()).isTrue();
        assertThat(facts.headers()).containsExactly("Idempotent-Replayed");
    }

    @Test
    void aChangeThatReadsIfMatchRequiresItAndAnswersThroughItsPrivateHelper() {
        HandlerFacts facts = facts("change");
        assertThat(facts.ifMatchRequired()).isTrue();
        assertThat(facts.successStatuses()).containsExactly(200);
        assertThat(facts.etag()).isTrue();
        assertThat(facts.location()).isFalse();
    }

    @Test
    void statusesChosenAtRunTimeAreAllDeclaredAndLambdasAreRead() {
        assertThat(facts("freeze").successStatuses()).containsExactlyInAnyOrder(200, 201);
        assertThat(facts("deleteLater").successStatuses()).containsExactly(204);
    }

    @Test
    void aPlainReadSaysNothingItDoesNotDo() {
        HandlerFacts facts = facts("read");
        assertThat(facts.successStatuses()).containsExactly(200);
        assertThat(facts.etag()).isFalse();
        assertThat(facts.ifMatchRequired()).isFalse();
        assertThat(facts.headers()).containsExactly("X-Read-Model-Position");
    }

    @Test
    void aCreateAndAReadThroughTheSharedWebHelpersSayWhatTheHelpersDo() {
        HandlerFacts create = facts("createThroughTheHelper");
        assertThat(create.successStatuses()).containsExactly(201);
        assertThat(create.location()).isTrue();
        assertThat(create.etag()).isTrue();
        assertThat(create.headers()).containsExactly("Idempotent-Replayed");

        HandlerFacts read = facts("readThroughTheHelper");
        assertThat(read.successStatuses()).containsExactly(200);
        assertThat(read.headers()).containsExactly("X-Read-Model-Position");
    }

    private static HandlerFacts facts(String name) {
        for (Method method : Handlers.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return HandlerFacts.of(method);
            }
        }
        throw new AssertionError("no handler " + name);
    }

    @SuppressWarnings("unused")
    static class Handlers {

        ResponseEntity<String> create(String idempotencyKey) {
            return ResponseEntity.created(URI.create("/things/1"))
                    .eTag(ETags.of(0))
                    .header("Idempotent-Replayed", "false")
                    .body("1");
        }

        ResponseEntity<String> change(String ifMatch) {
            long version = ETags.version(ifMatch);
            return changed(version + 1);
        }

        private static ResponseEntity<String> changed(long version) {
            return ResponseEntity.ok().eTag(ETags.of(version)).body("changed");
        }

        ResponseEntity<String> freeze(boolean now) {
            return ResponseEntity.status(now ? HttpStatus.CREATED : HttpStatus.OK)
                    .body("frozen");
        }

        ResponseEntity<Void> deleteLater() {
            Supplier<ResponseEntity<Void>> answer =
                    () -> ResponseEntity.noContent().build();
            return answer.get();
        }

        ResponseEntity<String> createThroughTheHelper(IdempotentCreates creates, String idempotencyKey) {
            var created = creates.create("scope", "thing", idempotencyKey, "body", id -> 0L);
            return created.answer(URI.create("/things/" + created.id()))
                    .eTag(ETags.of(created.result()))
                    .body("created");
        }

        ResponseEntity<String> readThroughTheHelper(FreshReads reads) {
            return reads.ok("things").body("read");
        }

        ResponseEntity<String> read() {
            return ResponseEntity.ok().header("X-Read-Model-Position", "1/1").body("read");
        }
    }
}
