package cn.qinqing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's command line and results file; the benchmark itself runs only through ./deploy/bench.sh. */
class OptionsTest {

    @Test
    void aQuickRunIsShortAndAFullRunGrowsTheStoreToTenMillionEvents() {
        Options quick = Options.parse(new String[] {"--quick"});
        assertThat(quick.full).isFalse();
        assertThat(quick.durationSeconds).isEqualTo(10);
        assertThat(quick.events).isEqualTo(50_000);
        // every built service starts for P5 (as ./deploy/run.sh), the load keeps these four
        assertThat(quick.services).isNull();
        assertThat(Options.LOAD_SERVICES).containsExactly("identity", "appeals", "assignment", "oversight");
        assertThat(quick.classDataSharing).isTrue();
        assertThat(Options.parse(new String[] {"--no-cds"}).classDataSharing).isFalse();

        Options full = Options.parse(new String[] {"--full"});
        assertThat(full.full).isTrue();
        assertThat(full.durationSeconds).isEqualTo(30);
        assertThat(full.events).isEqualTo(200_000);
        assertThat(full.growthEvents).isEqualTo(10_000_000);
    }

    @Test
    void explicitFlagsWinOverTheModesDefaults() {
        Options options = Options.parse(new String[] {
            "--full",
            "--duration=5",
            "--events=1000",
            "--clients=4",
            "--batch-size=1",
            "--service-heap=512m",
            "--coalesce=20",
            "--segments=1"
        });
        assertThat(options.durationSeconds).isEqualTo(5);
        assertThat(options.events).isEqualTo(1000);
        assertThat(options.clients).isEqualTo(4);
        assertThat(options.batchSize).isEqualTo(1);
        assertThat(options.serviceHeap).isEqualTo("512m");
        assertThat(options.coalesceMillis).isEqualTo(20);
        assertThat(options.segments).isEqualTo(1);
        // the platform's defaults apply to what is not given
        assertThat(Options.parse(new String[] {"--quick"}).coalesceMillis).isNull();
    }

    @Test
    void theLoadStaysBounded() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--clients=1000"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse(new String[] {"--duration=100000"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.parse(new String[] {"--target=example.com"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown option");
    }

    @Test
    void theSoakRunsOnAServerOfItsOwnUnlessToldOtherwise() {
        SoakOptions defaults = SoakOptions.parse(new String[] {"--minutes=3"});
        assertThat(defaults.machineServer).isFalse();
        assertThat(defaults.databaseUrl).isNull();
        assertThat(defaults.window()).isEqualTo(1);
        assertThat(SoakOptions.parse(new String[] {"--machine-server"}).machineServer)
                .isTrue();
        assertThat(SoakOptions.parse(new String[] {}).window()).isEqualTo(10);
    }

    @Test
    void theResultsFileIsJsonWithTheFiguresByName() {
        Map<String, Object> p1 = new LinkedHashMap<>();
        p1.put("filings_per_s", 13.7);
        p1.put("p99_ms", Double.NaN);
        p1.put("note", "a \"quoted\" line\n");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("p1", p1);
        root.put("services", List.of("identity", "appeals"));

        assertThat(Json.write(root))
                .contains("\"filings_per_s\": 13.7")
                .contains("\"p99_ms\": null")
                .contains("\"note\": \"a \\\"quoted\\\" line\\n\"")
                .contains("\"services\": [\"identity\", \"appeals\"]");
    }
}
