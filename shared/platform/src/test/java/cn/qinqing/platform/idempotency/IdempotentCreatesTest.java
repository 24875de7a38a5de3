package cn.qinqing.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qinqing.language.Ids;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;

class IdempotentCreatesTest {

    record Request(String title) {}

    final KeysOfOneFirstRequest keys = new KeysOfOneFirstRequest();
    final IdempotentCreates creates = new IdempotentCreates(keys, new ObjectMapper());
    final List<UUID> created = new ArrayList<>();
    int firstOnly;

    @Test
    void withoutAKeyTheResourceGetsAFreshIdOnceAndIsNoReplay() {
        var creation = creates.create("scope", "thing", null, new Request("a"), () -> firstOnly++, this::create);

        assertThat(creation.replayed()).isFalse();
        assertThat(created).containsExactly(creation.id());
        assertThat(creation.result()).isEqualTo(7L);
        assertThat(firstOnly).isEqualTo(1);
        assertThat(keys.reserved).as("no key, nothing reserved").isEmpty();
    }

    @Test
    void withAKeyTheIdIsDerivedFromScopeAndKeyAndTheBodyComparedAsTheServicesJson() {
        var creation = creates.create("scope", "thing", "k1", new Request("a"), () -> firstOnly++, this::create);

        assertThat(creation.id()).isEqualTo(Ids.derive("thing", "scope", "k1"));
        assertThat(creation.replayed()).isFalse();
        assertThat(created).containsExactly(creation.id());
        assertThat(keys.bodies).containsExactly("{\"title\":\"a\"}");
        assertThat(firstOnly).isEqualTo(1);
    }

    @Test
    void aBodyGivenAsBytesIsComparedAsItIs() {
        creates.create("scope", "thing", "k1", IdempotencyKeys.bytes("a\u001fb"), this::create);

        assertThat(keys.bodies).containsExactly("a\u001fb");
    }

    @Test
    void aRetryGetsTheFirstRequestsIdAndWhatTheCreateAnsweredAsAReplay() {
        var first = creates.create("scope", "thing", "k1", new Request("a"), () -> firstOnly++, this::create);
        var retry = creates.create("scope", "thing", "k1", new Request("a"), () -> firstOnly++, this::create);

        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.result()).isEqualTo(7L);
        assertThat(firstOnly).as("only the first request passes the check").isEqualTo(1);
    }

    @Test
    void aNewAggregateTheStoreAlreadyHoldsIsTheFirstRequestsAndTheRetryAReplay() {
        creates.create("scope", "thing", "k1", new Request("a"), this::create);

        var retry = creates.create("scope", "thing", "k1", new Request("a"), id -> {
            throw new AggregateStreamCreationException("exists");
        });

        assertThat(retry.id()).isEqualTo(Ids.derive("thing", "scope", "k1"));
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.result()).isNull();
    }

    @Test
    void withoutAKeyAnAggregateThatExistsIsRefusedNotReplayed() {
        assertThatThrownBy(() -> creates.create("scope", "thing", null, new Request("a"), id -> {
                    throw new AggregateStreamCreationException("exists");
                }))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    private Long create(UUID id) {
        created.add(id);
        return 7L;
    }

    /** Keys in memory: the first request with a key reserves it and creates; a retry creates again after. */
    static class KeysOfOneFirstRequest extends IdempotencyKeys {
        final List<String> reserved = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        KeysOfOneFirstRequest() {
            super(null, "test", null);
        }

        @Override
        public Reservation reserveAndCreate(
                String scope,
                String key,
                byte[] requestBody,
                String resourceId,
                Runnable firstOnly,
                Consumer<String> create) {
            bodies.add(new String(requestBody, StandardCharsets.UTF_8));
            boolean first = !reserved.contains(scope + "/" + key);
            if (first) {
                reserved.add(scope + "/" + key);
                firstOnly.run();
            }
            create.accept(resourceId);
            return new Reservation(resourceId, first);
        }
    }
}
