package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void pointsAtAnotherDatabaseOnTheSameServerKeepingTheParameters() {
        Database server = new Database("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable", "postgres", "");

        assertThat(server.withDatabaseName("qinqing"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/qinqing?sslmode=disable");
        assertThat(new Database("jdbc:postgresql://db:5432/postgres", null, null).withDatabaseName("qinqing"))
                .isEqualTo("jdbc:postgresql://db:5432/qinqing");
    }

    @Test
    void neverPrintsAPasswordGivenInTheUrl() {
        Database database = new Database("jdbc:postgresql://db:5432/qinqing?user=q&password=secret&ssl=true", "q", "");

        assertThat(database.displayUrl()).doesNotContain("secret").contains("password=***&ssl=true");
    }

    @Test
    void connectsAsPostgresWithoutPasswordUnlessTold() {
        Database database = new Database("jdbc:postgresql://127.0.0.1:5432/qinqing", " ", null);

        assertThat(database.user()).isEqualTo("postgres");
        assertThat(database.password()).isEmpty();
    }

    @Test
    void refusesAnythingButPostgresql() {
        assertThatThrownBy(() -> new Database("jdbc:h2:mem:qinqing", "sa", ""))
                .hasMessageContaining("Not a PostgreSQL JDBC URL");
    }
}
