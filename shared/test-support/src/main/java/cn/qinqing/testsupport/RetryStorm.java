package cn.qinqing.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * R2 of docs/reliability.md: a thousand concurrent retries of one create, and what every such test checks of their
 * answers.
 */
public final class RetryStorm {

    public static final int RETRIES = 1_000;

    private RetryStorm() {}

    /** Sends the create {@link #RETRIES} times at once and prints how long it took, for docs/reliability.md. */
    public static List<HttpApi.Response> send(String what, HttpApi.Call create) {
        long started = System.nanoTime();
        List<HttpApi.Response> answers = create.sendConcurrently(RETRIES);
        System.out.printf(
                "R2 %s: %,d concurrent retries answered in %.1f s%n",
                what, RETRIES, (System.nanoTime() - started) / 1e9);
        return answers;
    }

    /**
     * Every answer 201 naming the same id in {@code idField}, each saying whether it was a replay, at most one that it
     * was not; the id.
     */
    public static String createdOnce(List<HttpApi.Response> answers, String idField) {
        assertThat(answers)
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
        assertThat(answers.stream()
                        .map(answer -> answer.json().get(idField).asText())
                        .distinct())
                .hasSize(1);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.header("Idempotent-Replayed"))
                .isIn("true", "false"));
        assertThat(answers.stream().filter(answer -> "false".equals(answer.header("Idempotent-Replayed"))))
                .as("at most one answer created it")
                .hasSizeLessThanOrEqualTo(1);
        return answers.get(0).json().get(idField).asText();
    }
}
