package cn.qinqing.oversight.replay;

import cn.qinqing.oversight.reading.Freshness;
import cn.qinqing.oversight.reading.ReadModels;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.FreshReads;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds every oversight read model from the event store (ADMIN). The answer comes once the request is recorded;
 * the instances stop, reset and restart their processors within a second or so, and {@code GET} shows the progress.
 */
@RestController
@RequestMapping(path = "/api/oversight/admin/replay", produces = MediaType.APPLICATION_JSON_VALUE)
class ReplayController {

    /** A replay and how far it got: each processor's position against the head of the event store. */
    record Progress(
            ReplayCoordinator.Control control,
            boolean done,
            List<ReplayCoordinator.InstanceState> instances,
            Freshness freshness) {}

    private final ReplayCoordinator coordinator;
    private final ReadModels readModels;

    ReplayController(ReplayCoordinator coordinator, ReadModels readModels) {
        this.coordinator = coordinator;
        this.readModels = readModels;
    }

    @PostMapping
    ResponseEntity<Progress> request() {
        coordinator.request(Actor.require().subject());
        Progress progress = progress();
        return ResponseEntity.accepted()
                .location(URI.create("/api/oversight/admin/replay"))
                .header(FreshReads.HEADER, progress.freshness().header())
                .body(progress);
    }

    @GetMapping
    ResponseEntity<Progress> status() {
        Progress progress = progress();
        return ResponseEntity.ok()
                .header(FreshReads.HEADER, progress.freshness().header())
                .body(progress);
    }

    private Progress progress() {
        ReplayCoordinator.Control control = coordinator.control();
        Freshness freshness = readModels.freshness();
        boolean done = control.state() != ReplayCoordinator.State.STOPPING && freshness.caughtUp();
        return new Progress(control, done, coordinator.instances(), freshness);
    }
}
