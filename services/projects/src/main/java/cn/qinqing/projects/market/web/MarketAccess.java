package cn.qinqing.projects.market.web;

import cn.qinqing.language.Role;
import cn.qinqing.platform.security.Actor;
import cn.qinqing.platform.web.NotFoundException;
import cn.qinqing.projects.market.command.Requester;
import cn.qinqing.projects.market.query.Markets;
import cn.qinqing.projects.market.query.MatchView;
import cn.qinqing.projects.market.query.PostView;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may see which post and match: an enterprise only its own posts (drafts included) and the matches it is a side
 * of — anything else answers 404, exactly like what does not exist; brokers, leaders and supervisors every post once
 * published (never a draft) and every match. The security policy has already kept every other role out.
 */
@Component
class MarketAccess {

    private final Markets markets;
    private final String marketDepartment;

    MarketAccess(Markets markets, @Value("${qinqing.markets.department:industry-it}") String marketDepartment) {
        this.markets = markets;
        this.marketDepartment = marketDepartment;
    }

    /** The department that runs the market: its officials and leaders broker, with the dispatchers. */
    String marketDepartment() {
        return marketDepartment;
    }

    PostView post(UUID id) {
        return markets.post(id, enterpriseScope(Actor.require()))
                .orElseThrow(() -> new NotFoundException("There is no post " + id + " that you may see."));
    }

    MatchView match(UUID id) {
        return markets.match(id, enterpriseScope(Actor.require()))
                .orElseThrow(() -> new NotFoundException("There is no match " + id + " that you may see."));
    }

    /** The enterprise an enterprise user is confined to, or null for everyone else. */
    static String enterpriseScope(Actor actor) {
        return actor.is(Role.ENTERPRISE) ? (actor.enterpriseId() == null ? "-" : actor.enterpriseId()) : null;
    }

    static Requester requester(Actor actor) {
        return new Requester(actor.subject(), actor.role(), actor.enterpriseId(), actor.departmentId());
    }

    static LocalDate today() {
        return LocalDate.now(Markets.CITY);
    }
}
